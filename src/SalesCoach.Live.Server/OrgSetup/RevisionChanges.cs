using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Org;

namespace SalesCoach.Live.Server.OrgSetup;

/// <summary>A stored org revision, the org before it (null for the first) and after it, and the rule changes between.</summary>
public sealed record RevisionChanges(OrgRevision Revision, Organization? Before, Organization After, IReadOnlyList<RuleChange> Changes)
{
    /// <summary>The teams a rep was in just before and just after this revision (one or two, none if never in the org).</summary>
    public IReadOnlyCollection<string> TeamsOf(string repId) =>
        new[] { Before?.FindRep(repId)?.TeamId, After.FindRep(repId)?.TeamId }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
