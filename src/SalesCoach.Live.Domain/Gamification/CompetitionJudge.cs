using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Gamification;

/// <summary>
/// Scores a contest from the activities in its window. Points and metric contests add up in time order (so a first-to
/// contest knows who got there first); attainment compares each rep's counts with their goals prorated over the working
/// time of the window gone so far. The contest is decided at its end, or for first-to when someone reaches the target.
/// </summary>
public static class CompetitionJudge
{
    /// <param name="attainment">How attainment weighs and caps goals (the defaults when null).</param>
    public static CompetitionResult Judge(Competition contest, Organization org, IEnumerable<ScoredActivity> activities, DateTimeOffset at, AttainmentSettings? attainment = null)
    {
        var until = at < contest.End ? at : contest.End;
        var members = contest.Participants.ToDictionary(p => p, p => RepsOf(contest, org, p), StringComparer.Ordinal);
        var repScores = members.Values.SelectMany(r => r).Distinct().ToDictionary(r => r.Id, _ => 0d, StringComparer.Ordinal);
        var reachedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var counts = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);

        foreach (var activity in activities.Where(a => a.OccurredAt >= contest.Start && a.OccurredAt <= until && repScores.ContainsKey(a.RepId)).OrderBy(a => a.OccurredAt))
        {
            if (!counts.TryGetValue(activity.RepId, out var repCounts))
            {
                counts[activity.RepId] = repCounts = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            repCounts[activity.Metric] = repCounts.GetValueOrDefault(activity.Metric) + activity.Quantity;
            if (contest.Basis == ScoreBasis.Attainment)
            {
                continue;
            }

            var value = contest.Basis == ScoreBasis.Points
                ? (org.FindMetric(activity.Metric)?.Points ?? 0) * activity.Quantity
                : activity.Metric == contest.Metric ? activity.Quantity : 0;
            repScores[activity.RepId] += value * HandicapOf(contest, activity.RepId);
            if (contest.Finish == CompetitionFinish.FirstTo && value > 0)
            {
                foreach (var (participant, reps) in members)
                {
                    if (!reachedAt.ContainsKey(participant) && reps.Any(r => r.Id == activity.RepId) && ScoreOf(reps, repScores) >= contest.Target)
                    {
                        reachedAt[participant] = activity.OccurredAt;
                    }
                }
            }
        }

        if (contest.Basis == ScoreBasis.Attainment)
        {
            foreach (var rep in repScores.Keys.ToList())
            {
                repScores[rep] = AttainmentOf(contest, org, rep, counts.GetValueOrDefault(rep), until, attainment) * HandicapOf(contest, rep);
            }
        }

        var standings = members
            .Select(m => (Id: m.Key, Name: NameOf(contest, org, m.Key), Score: ScoreOf(m.Value, repScores), Reached: reachedAt.TryGetValue(m.Key, out var t) ? t : (DateTimeOffset?)null))
            .OrderBy(s => s.Reached ?? DateTimeOffset.MaxValue)
            .ThenByDescending(s => s.Score)
            .ThenBy(s => s.Name, StringComparer.InvariantCultureIgnoreCase)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select((s, i) => new CompetitionStanding(s.Id, s.Name, i + 1, s.Score, s.Reached))
            .ToList();

        var decided = at >= contest.End || (contest.Finish == CompetitionFinish.FirstTo && reachedAt.Count > 0);
        string? winner = null;
        if (decided && standings.Count > 0)
        {
            winner = contest.Finish == CompetitionFinish.FirstTo
                ? standings[0].ReachedAt is not null ? standings[0].Id : null
                : standings[0].Id;
        }

        return new CompetitionResult(until, standings, decided, winner);
    }

    private static double HandicapOf(Competition contest, string repId) =>
        contest.Handicaps.TryGetValue(repId, out var handicap) ? handicap : 1d;

    private static double ScoreOf(IReadOnlyList<Rep> reps, Dictionary<string, double> repScores) =>
        reps.Count == 0 ? 0 : reps.Average(r => repScores[r.Id]);

    private static IReadOnlyList<Rep> RepsOf(Competition contest, Organization org, string participant) =>
        contest.Scope == CompetitionScope.Teams
            ? org.FindTeam(participant)?.Reps ?? []
            : org.FindRep(participant) is { } rep ? [rep] : [];

    private static string NameOf(Competition contest, Organization org, string participant) =>
        (contest.Scope == CompetitionScope.Teams ? org.FindTeam(participant)?.Name : org.FindRep(participant)?.Name) ?? participant;

    private static double AttainmentOf(Competition contest, Organization org, string repId, Dictionary<string, long>? counts, DateTimeOffset until, AttainmentSettings? settings)
    {
        var rep = org.FindRep(repId)!;
        var calendar = org.TeamOf(rep).Calendar;
        var gone = until > contest.Start ? calendar.WorkingTimeBetween(contest.Start, until) : TimeSpan.Zero;
        var goals = rep.Goals.Select(g =>
        {
            var length = g.Period == GoalPeriod.Day ? calendar.DayEnd - calendar.DayStart : calendar.Progress(g.Period, until).Total;
            var expected = length > TimeSpan.Zero ? g.Target * (gone / length) : 0;
            return new GoalAttainment(g.Metric, counts?.GetValueOrDefault(g.Metric) ?? 0, expected);
        });
        return Attainment.Score(goals, settings) ?? 0;
    }
}
