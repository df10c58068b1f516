namespace SalesCoach.Live.Domain.Org;

/// <summary>
/// What an edit of a running org may not do, beyond what the org file itself must satisfy: it may not take away a
/// metric, since activities already accepted are counted, audited and judged (competitions) by their metric, nor a
/// team, since competitions, wallboard boards and managers' accounts name it. A metric is retired by setting its points
/// to 0 and removing its goals; a team by moving or removing its reps. Reps may be removed (their activities stay in the
/// log, and come back on the boards if the rep returns); see docs/architecture.md.
/// </summary>
public static class OrgEditRules
{
    /// <summary>The problems of replacing <paramref name="current"/> with <paramref name="proposed"/>, with JSON paths; empty when none.</summary>
    public static IReadOnlyList<OrgFileProblem> Check(Organization current, Organization proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        return
        [
            .. current.Metrics
                .Where(m => proposed.FindMetric(m.Key) is null)
                .Select(m => new OrgFileProblem(
                    "$.metrics",
                    $"metric '{m.Key}' cannot be removed: activities already accepted are counted with it (set its points to 0 and remove its goals instead)")),
            .. current.Teams
                .Where(t => proposed.FindTeam(t.Id) is null)
                .Select(t => new OrgFileProblem(
                    "$.teams",
                    $"team '{t.Id}' cannot be removed: competitions, wallboard boards and managers' accounts name it (move or remove its reps instead)")),
        ];
    }
}
