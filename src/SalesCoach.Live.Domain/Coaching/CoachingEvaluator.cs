using System.Globalization;
using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;

namespace SalesCoach.Live.Domain.Coaching;

/// <summary>
/// Decides who needs coaching now and why (contract section 7): behind pace with enough of the period gone, idle
/// for a long stretch of working time, converting clearly worse than the team (a Wilson interval, never a raw ratio
/// from three calls), and well below the rep's own usual level at this time of day. A rep far ahead and with no such
/// reason is listed for recognition. <c>flaggedBefore</c> holds the (rep, code) pairs flagged at the
/// previous evaluation: for those the looser "stay" thresholds apply, so nobody flaps in and out.
/// </summary>
public static class CoachingEvaluator
{
    private static readonly Dictionary<string, double> CodeWeights = new(StringComparer.Ordinal)
    {
        [ReasonCodes.BehindPace] = 0.9,
        [ReasonCodes.Idle] = 0.8,
        [ReasonCodes.LowConversion] = 0.7,
        [ReasonCodes.TrendDown] = 0.6,
    };

    /// <param name="board">The team's board at <paramref name="at"/> (pace figures of every goal).</param>
    /// <param name="history">Each rep's activities of at least the last two weeks up to <paramref name="at"/>.</param>
    public static IReadOnlyList<CoachingItem> Evaluate(
        Team team,
        IReadOnlyList<Metric> metrics,
        Board board,
        IReadOnlyDictionary<string, IReadOnlyList<TimedActivity>> history,
        DateTimeOffset at,
        CoachingSettings? settings = null,
        FocusRules? focus = null,
        IReadOnlySet<(string RepId, string Code)>? flaggedBefore = null)
    {
        settings ??= CoachingSettings.Default;
        focus ??= FocusRules.Default;
        flaggedBefore ??= new HashSet<(string, string)>();
        var context = new CoachingContext(team, metrics, history, at, settings, flaggedBefore);
        var items = new List<CoachingItem>();
        foreach (var row in board.Reps)
        {
            var activities = context.LocalHistory(row.RepId);
            var reasons = new List<CoachingReason>();
            reasons.AddRange(BehindPace(context, row, activities));
            reasons.AddRange(Idle(context, row, activities));
            reasons.AddRange(LowConversion(context, row));
            reasons.AddRange(TrendDown(context, row, activities));
            if (reasons.Count == 0 && Recognition(context, row) is { } praise)
            {
                reasons.Add(praise);
            }

            if (reasons.Count == 0)
            {
                continue;
            }

            var top = FocusReason(context, reasons);
            var metricName = metrics.FirstOrDefault(m => m.Key == top.Metric)?.Name ?? top.Metric;
            items.Add(new CoachingItem(row.RepId, row.Name, Priority(context, reasons), top.Metric, reasons
                .OrderByDescending(r => Weight(context, r)).ToList(), focus.SuggestionFor(top.Code, top.Metric, metricName)));
        }

        return items
            .OrderBy(i => i.IsRecognition)
            .ThenByDescending(i => i.Priority)
            .ThenBy(i => i.Name, StringComparer.InvariantCultureIgnoreCase)
            .ToList();
    }

    /// <summary>The quantity of a metric on a local day up to a local time of day.</summary>
    public static long CountUpTo(IReadOnlyList<LocalActivity> activities, string metric, DateOnly day, TimeSpan timeOfDay) =>
        activities.Where(a => a.Metric == metric && a.Day == day && a.TimeOfDay <= timeOfDay).Sum(a => (long)a.Quantity);

    private static IEnumerable<CoachingReason> BehindPace(CoachingContext c, BoardRow row, IReadOnlyList<LocalActivity> activities)
    {
        foreach (var (metric, pace) in row.Metrics)
        {
            CoachingReason? worst = null;
            foreach (var figures in new[] { pace.Primary }.Concat(pace.OtherPeriods))
            {
                if (figures.PaceRatio is not { } ratio || figures.Expected is not { } expected || figures.Goal is not { } goal)
                {
                    continue;
                }

                var minElapsed = figures.Period == GoalPeriod.Day ? c.Settings.BehindPaceMinElapsedDay : c.Settings.BehindPaceMinElapsedLonger;
                var threshold = c.Flagged(row.RepId, ReasonCodes.BehindPace) ? c.Settings.BehindPaceStayRatio : c.Settings.BehindPaceEnterRatio;
                if (figures.ElapsedFraction < minElapsed || ratio >= threshold)
                {
                    continue;
                }

                // Behind the clock but on the rep's own usual curve, which usually makes the goal: their normal shape
                // (a slow starter), not a problem to coach.
                if (figures.Period == GoalPeriod.Day && OnUsualCurve(c, activities, metric, figures.Actual, goal))
                {
                    continue;
                }

                var severity = Math.Clamp((1 - ratio) / 0.6, 0, 1) * (0.6 + (0.4 * figures.ElapsedFraction));
                var when = figures.Period == GoalPeriod.Day
                    ? $"by {c.LocalTime:HH\\:mm}"
                    : $"by now this {figures.Period.ToName()}";
                var text = string.Create(CultureInfo.InvariantCulture,
                    $"{c.NameOf(metric)} {figures.Actual:0} of {expected:0} expected {when} ({ratio * 100:0}% of pace; goal {goal:0})");
                if (worst is null || severity > worst.Severity)
                {
                    worst = new CoachingReason(ReasonCodes.BehindPace, text, metric, severity);
                }
            }

            if (worst is not null)
            {
                yield return worst;
            }
        }
    }

    private static bool OnUsualCurve(CoachingContext c, IReadOnlyList<LocalActivity> activities, string metric, double actual, double goal)
    {
        var days = c.ComparableDays;
        if (days.Count < c.Settings.TrendDays)
        {
            return false;
        }

        var usualByNow = days.Average(d => CountUpTo(activities, metric, d, c.LocalTime.TimeOfDay));
        var usualByEnd = days.Average(d => CountUpTo(activities, metric, d, TimeSpan.FromHours(24)));
        return usualByNow > 0 && actual >= 0.9 * usualByNow && usualByEnd >= goal;
    }

    private static IEnumerable<CoachingReason> Idle(CoachingContext c, BoardRow row, IReadOnlyList<LocalActivity> activities)
    {
        if (c.Team.Calendar.WorkingWindow(c.Today) is not { } window || c.At <= window.Start || c.At > window.End)
        {
            yield break;
        }

        var last = activities.Select(a => a.OccurredAt).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        var since = last > window.Start ? last : window.Start;
        var idle = c.Team.Calendar.WorkingTimeBetween(since, c.At);
        if (idle.TotalMinutes < c.Settings.IdleMinutes)
        {
            yield break;
        }

        var focusMetric = row.Metrics.FirstOrDefault(m => m.Value.Primary.Goal is not null).Key ?? row.Metrics[0].Key;
        var text = last > window.Start
            ? string.Create(CultureInfo.InvariantCulture, $"Nothing logged for {Math.Floor(idle.TotalMinutes):0} minutes (last at {c.Team.Calendar.ToLocal(last):HH\\:mm})")
            : string.Create(CultureInfo.InvariantCulture, $"Nothing logged today ({Math.Floor(idle.TotalMinutes):0} working minutes so far)");
        yield return new CoachingReason(ReasonCodes.Idle, text, focusMetric, Math.Min(1, idle.TotalMinutes / (3 * c.Settings.IdleMinutes)));
    }

    private static IEnumerable<CoachingReason> LowConversion(CoachingContext c, BoardRow row)
    {
        foreach (var outcome in c.Metrics.Where(m => m.OutcomeOf is not null))
        {
            var attempts = c.WeekCount(row.RepId, outcome.OutcomeOf!);
            var outcomes = c.WeekCount(row.RepId, outcome.Key);
            var (teamAttempts, teamOutcomes) = c.RestOfTeamWeek(row.RepId, outcome);
            if (attempts < c.Settings.MinAttempts || teamAttempts < c.Settings.MinAttempts || teamOutcomes == 0)
            {
                continue;
            }

            var teamRate = (double)teamOutcomes / teamAttempts;
            var (_, upper) = WilsonInterval.Of(outcomes, attempts, c.Settings.ConversionZ);
            var limit = c.Flagged(row.RepId, ReasonCodes.LowConversion) ? teamRate * c.Settings.ConversionStayFactor : teamRate;
            if (upper >= limit)
            {
                continue;
            }

            var rate = (double)outcomes / attempts;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{outcome.Name} {outcomes} from {attempts} {c.NameOf(outcome.OutcomeOf!).ToLowerInvariant()} this week ({rate * 100:0}%) vs {teamRate * 100:0}% for the rest of the team");
            yield return new CoachingReason(ReasonCodes.LowConversion, text, outcome.Key, Math.Clamp((teamRate - rate) / teamRate, 0, 1));
        }
    }

    private static IEnumerable<CoachingReason> TrendDown(CoachingContext c, BoardRow row, IReadOnlyList<LocalActivity> activities)
    {
        var window = c.Team.Calendar.WorkingWindow(c.Today);
        if (window is null || c.Team.Calendar.WorkingTimeBetween(window.Value.Start, c.At).TotalMinutes < c.Settings.TrendMinElapsedMinutes)
        {
            yield break;
        }

        var days = c.ComparableDays;
        if (days.Count < c.Settings.TrendDays)
        {
            yield break;
        }

        var timeOfDay = c.LocalTime.TimeOfDay;
        foreach (var (metric, pace) in row.Metrics.Where(m => m.Value.Primary.Period == GoalPeriod.Day && m.Value.Primary.Goal is not null))
        {
            var usual = days.Average(d => CountUpTo(activities, metric, d, timeOfDay));
            var today = CountUpTo(activities, metric, c.Today, timeOfDay);
            var share = c.Flagged(row.RepId, ReasonCodes.TrendDown) ? c.Settings.TrendStayShare : c.Settings.TrendEnterShare;
            if (usual < c.Settings.TrendMinUsual || today >= share * usual)
            {
                continue;
            }

            var text = string.Create(CultureInfo.InvariantCulture,
                $"{c.NameOf(metric)} {today} by {c.LocalTime:HH\\:mm}; usually {usual:0} by this time (last {days.Count} working days)");
            yield return new CoachingReason(ReasonCodes.TrendDown, text, metric, Math.Clamp(1 - (today / usual), 0, 1));
        }
    }

    private static CoachingReason? Recognition(CoachingContext c, BoardRow row)
    {
        var best = row.Metrics
            .SelectMany(m => new[] { m.Value.Primary }.Concat(m.Value.OtherPeriods).Select(f => (Metric: m.Key, Figures: f)))
            .Where(x => x.Figures.PaceRatio is { } r && r >= c.Settings.RecognitionRatio
                && x.Figures.ElapsedFraction >= (x.Figures.Period == GoalPeriod.Day ? c.Settings.BehindPaceMinElapsedDay : c.Settings.BehindPaceMinElapsedLonger))
            .OrderByDescending(x => x.Figures.PaceRatio)
            .FirstOrDefault();
        if (best.Figures is null)
        {
            return null;
        }

        var f = best.Figures;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{c.NameOf(best.Metric)} {f.Actual:0} vs {f.Expected:0} expected this {f.Period.ToName()} ({f.PaceRatio * 100:0}% of pace): worth a shout-out");
        return new CoachingReason(ReasonCodes.ReadyForRecognition, text, best.Metric, Math.Clamp((f.PaceRatio!.Value - 1) / 2, 0, 1));
    }

    /// <summary>
    /// The reason to coach on: the weightiest, except that a cause beats its symptom. Being idle explains being behind
    /// or below the usual level, and converting poorly explains being behind on the outcome metric.
    /// </summary>
    private static CoachingReason FocusReason(CoachingContext c, List<CoachingReason> reasons)
    {
        var top = reasons.MaxBy(r => Weight(c, r))!;
        if (top.Code is ReasonCodes.BehindPace or ReasonCodes.TrendDown && reasons.FirstOrDefault(r => r.Code == ReasonCodes.Idle) is { } idle)
        {
            return idle;
        }

        return top.Code == ReasonCodes.BehindPace
            && reasons.FirstOrDefault(r => r.Code == ReasonCodes.LowConversion && r.Metric == top.Metric) is { } conversion
            ? conversion
            : top;
    }

    private static double Weight(CoachingContext c, CoachingReason reason) =>
        CodeWeights.GetValueOrDefault(reason.Code, 0.1) * reason.Severity * c.Settings.MetricWeights.GetValueOrDefault(reason.Metric, 1.0);

    private static int Priority(CoachingContext c, List<CoachingReason> reasons)
    {
        if (reasons.All(r => r.Code == ReasonCodes.ReadyForRecognition))
        {
            // Praise comes after every correction: at most 20.
            return (int)Math.Round(5 + (15 * reasons.Max(r => r.Severity)));
        }

        var calm = reasons.Aggregate(1.0, (product, r) => product * (1 - Math.Clamp(Weight(c, r), 0, 1)));
        return Math.Clamp((int)Math.Round(100 * (1 - calm)), 1, 100);
    }
}
