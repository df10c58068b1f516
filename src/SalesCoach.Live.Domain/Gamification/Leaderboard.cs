namespace SalesCoach.Live.Domain.Gamification;

/// <summary>Ranking rules shared by scorecards and team-vs-team standings.</summary>
public static class Leaderboard
{
    /// <summary>Orders by value, highest first, ties broken by name (then id), and numbers the ranks 1..n.</summary>
    public static IReadOnlyList<ScorecardRow> Rank(IEnumerable<ScorecardRow> rows) =>
        [.. rows.OrderByDescending(r => r.Value)
            .ThenBy(r => r.Name, StringComparer.InvariantCultureIgnoreCase)
            .ThenBy(r => r.RepId, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 })];

    /// <summary>Team-vs-team: each team's figure per rep, so a team of twelve does not beat a team of five by headcount.</summary>
    public static IReadOnlyList<TeamStanding> CompareTeams(IEnumerable<Scorecard> cards) =>
        [.. cards.OrderByDescending(c => c.PerRep)
            .ThenBy(c => c.TeamName, StringComparer.InvariantCultureIgnoreCase)
            .ThenBy(c => c.TeamId, StringComparer.Ordinal)
            .Select((c, i) => new TeamStanding(c.TeamId, c.TeamName, i + 1, c.Reps.Count, c.Reps.Sum(r => r.Value), c.PerRep))];
}
