namespace SalesCoach.Live.Domain.Org;

/// <summary>
/// One rule of the org that changed between two revisions: a metric's points, a team's working hours, a rep's goal.
/// <see cref="TeamId"/> and <see cref="RepId"/> say whom it concerns (both null: every team, as for a metric).
/// </summary>
/// <param name="Kind">One of <see cref="RuleChangeKinds"/>.</param>
/// <param name="Before">The old value in words (null when it did not exist).</param>
/// <param name="After">The new value in words (null when it no longer exists).</param>
/// <param name="Text">The change in one plain sentence, for the audit.</param>
public sealed record RuleChange(string Kind, string? TeamId, string? RepId, string? Metric, string? Before, string? After, string Text)
{
    /// <summary>
    /// Whether this change can have moved the numbers of <paramref name="repId"/>, a rep of the teams
    /// <paramref name="teamIds"/> (before or after the change): the rep's own changes, their team's calendar, and
    /// every metric change. A team's default goal is left out, since the rep's effective goal is listed by itself
    /// (and a rep with an override of their own is not touched by it).
    /// </summary>
    public bool Concerns(string repId, IReadOnlyCollection<string> teamIds)
    {
        if (RepId is not null)
        {
            return RepId == repId;
        }

        if (TeamId is null)
        {
            return true;
        }

        return teamIds.Contains(TeamId) && Kind is RuleChangeKinds.TimeZone or RuleChangeKinds.WorkingHours or RuleChangeKinds.Holidays;
    }
}
