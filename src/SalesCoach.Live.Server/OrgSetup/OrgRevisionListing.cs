using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Org;

namespace SalesCoach.Live.Server.OrgSetup;

/// <summary>A stored org revision with the rule changes it made against the revision before it.</summary>
public sealed record OrgRevisionListing(OrgRevision Revision, IReadOnlyList<RuleChange> Changes);
