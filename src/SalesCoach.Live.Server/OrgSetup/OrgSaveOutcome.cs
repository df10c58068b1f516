using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Org;

namespace SalesCoach.Live.Server.OrgSetup;

/// <summary>
/// The end of an org save: the saved revision, the problems at their JSON paths, or, when stale, the revision the
/// caller edited and the newest one.
/// </summary>
public sealed record OrgSaveOutcome(OrgSaveStatus Status, OrgRevision? Saved, IReadOnlyList<OrgFileProblem> Problems, long Expected, long Latest)
{
    /// <summary>A document refused with these problems.</summary>
    public static OrgSaveOutcome Invalid(IReadOnlyList<OrgFileProblem> problems) => new(OrgSaveStatus.Invalid, null, problems, 0, 0);
}
