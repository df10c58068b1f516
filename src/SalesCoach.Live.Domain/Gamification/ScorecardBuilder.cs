using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Gamification;

/// <summary>
/// Builds leaderboards by points, attainment or one metric for a day, week, month or quarter. A goal of another
/// period than the board's is prorated by working time: a day goal on a week board expects the target per working day
/// gone, a week goal on a day board expects its share of the week's working time gone today.
/// </summary>
public static class ScorecardBuilder
{
    public static Scorecard Build(
        Team team,
        IReadOnlyList<Metric> metrics,
        Func<Rep, RepLedger?> ledgerOf,
        GoalPeriod period,
        DateTimeOffset at,
        ScoreBasis basis,
        string? metric = null,
        AttainmentSettings? settings = null)
    {
        if (basis == ScoreBasis.Metric && (metric is null || metrics.All(m => m.Key != metric)))
        {
            throw new ArgumentException($"'{metric}' is not a metric of the org.", nameof(metric));
        }

        var calendar = team.Calendar;
        var progress = calendar.Progress(period, at);
        var goalLengths = Enum.GetValues<GoalPeriod>().ToDictionary(p => p, p => LengthOf(team, p, at));

        var rows = new List<ScorecardRow>(team.Reps.Count);
        foreach (var rep in team.Reps)
        {
            var ledger = ledgerOf(rep);
            var counts = metrics.ToDictionary(m => m.Key, m => ledger?.Sum(m.Key, progress.Range) ?? 0L, StringComparer.Ordinal);
            var points = metrics.Sum(m => m.Points * counts[m.Key]);
            var goals = rep.Goals
                .Where(g => counts.ContainsKey(g.Metric) && goalLengths[g.Period] > TimeSpan.Zero)
                .Select(g => new GoalAttainment(g.Metric, counts[g.Metric], g.Target * (progress.Elapsed / goalLengths[g.Period])));
            var attainment = Attainment.Score(goals, settings);
            var value = basis switch
            {
                ScoreBasis.Points => points,
                ScoreBasis.Attainment => attainment ?? 0d,
                _ => counts[metric!],
            };
            rows.Add(new ScorecardRow(rep.Id, rep.Name, 0, value, points, attainment, counts));
        }

        var ranked = Leaderboard.Rank(rows);
        var perRep = basis == ScoreBasis.Attainment
            ? Mean(rows.Where(r => r.Attainment is not null).Select(r => r.Attainment!.Value))
            : Mean(rows.Select(r => r.Value));
        return new Scorecard(team.Id, team.Name, period, progress.Range, basis, basis == ScoreBasis.Metric ? metric : null, calendar.ToLocal(at), ranked, perRep);
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0d : list.Average();
    }

    /// <summary>The working time a goal's target is spread over: a nominal working day for day goals (so a holiday does
    /// not make a day goal infinite), the whole period holding the instant for longer goals.</summary>
    private static TimeSpan LengthOf(Team team, GoalPeriod goalPeriod, DateTimeOffset at) =>
        goalPeriod == GoalPeriod.Day
            ? team.Calendar.DayEnd - team.Calendar.DayStart
            : team.Calendar.Progress(goalPeriod, at).Total;
}
