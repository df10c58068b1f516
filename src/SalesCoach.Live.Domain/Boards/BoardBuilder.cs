using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;

namespace SalesCoach.Live.Domain.Boards;

/// <summary>
/// Builds a team's board at an instant from its reps' ledgers. The ledgers must hold exactly the activities that
/// occurred at or before that instant; the live grains and the <c>?at=</c> reads both come through here.
/// </summary>
public static class BoardBuilder
{
    private static readonly GoalPeriod[] AllPeriods = Enum.GetValues<GoalPeriod>();

    public static Board Build(Team team, IReadOnlyList<Metric> metrics, Func<Rep, RepLedger?> ledgerOf, DateTimeOffset at, PaceThresholds? thresholds = null)
    {
        thresholds ??= PaceThresholds.Default;
        var progress = AllPeriods.Select(p => team.Calendar.Progress(p, at)).ToArray();
        var ranges = progress.Select(p => p.Range).ToArray();

        // actuals[rep][metric][period]
        var actuals = new long[team.Reps.Count][][];
        var scores = new long[team.Reps.Count];
        for (var r = 0; r < team.Reps.Count; r++)
        {
            var ledger = ledgerOf(team.Reps[r]);
            actuals[r] = new long[metrics.Count][];
            for (var m = 0; m < metrics.Count; m++)
            {
                var sums = new long[AllPeriods.Length];
                ledger?.SumInto(metrics[m].Key, ranges, sums);
                actuals[r][m] = sums;
                scores[r] += metrics[m].Points * sums[(int)GoalPeriod.Day];
            }
        }

        var unranked = new List<BoardRow>(team.Reps.Count);
        for (var r = 0; r < team.Reps.Count; r++)
        {
            var rep = team.Reps[r];
            var row = new List<KeyValuePair<string, MetricPace>>(metrics.Count);
            for (var m = 0; m < metrics.Count; m++)
            {
                var goals = rep.Goals.Where(g => g.Metric == metrics[m].Key).Select(g => (g.Period, g.Target));
                row.Add(new(metrics[m].Key, PaceOf(goals, actuals[r][m], progress, thresholds)));
            }

            unranked.Add(new BoardRow(rep.Id, rep.Name, 0, scores[r], row));
        }

        var ranked = Rank(unranked);

        var teamMetrics = new List<KeyValuePair<string, MetricPace>>(metrics.Count);
        for (var m = 0; m < metrics.Count; m++)
        {
            var key = metrics[m].Key;
            var goalSums = team.Reps
                .SelectMany(rep => rep.Goals.Where(g => g.Metric == key))
                .GroupBy(g => g.Period)
                .Select(g => (g.Key, g.Sum(x => x.Target)));
            var actualSums = new long[AllPeriods.Length];
            for (var r = 0; r < team.Reps.Count; r++)
            {
                for (var p = 0; p < AllPeriods.Length; p++)
                {
                    actualSums[p] += actuals[r][m][p];
                }
            }

            teamMetrics.Add(new(key, PaceOf(goalSums, actualSums, progress, thresholds)));
        }

        return new Board(team.Id, team.Name, team.Calendar.ToLocal(at), metrics, ranked, new TeamTotals(scores.Sum(), teamMetrics));
    }

    /// <summary>Orders by score, highest first, ties broken by name (then id), and numbers the ranks 1..n.</summary>
    public static IReadOnlyList<BoardRow> Rank(IEnumerable<BoardRow> rows) =>
        rows.OrderByDescending(r => r.Score)
            .ThenBy(r => r.Name, StringComparer.InvariantCultureIgnoreCase)
            .ThenBy(r => r.RepId, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 })
            .ToList();

    private static MetricPace PaceOf(IEnumerable<(GoalPeriod Period, double Target)> goals, long[] actualByPeriod, PeriodProgress[] progress, PaceThresholds thresholds)
    {
        var figures = goals
            .OrderBy(g => g.Period)
            .Select(g => Pace.Evaluate(g.Target, actualByPeriod[(int)g.Period], progress[(int)g.Period], thresholds))
            .ToList();
        if (figures.Count == 0)
        {
            return new MetricPace(Pace.Count(actualByPeriod[(int)GoalPeriod.Day], progress[(int)GoalPeriod.Day]), []);
        }

        return new MetricPace(figures[0], figures.Skip(1).ToList());
    }
}
