using System.Globalization;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Coaching;

/// <summary>
/// Did coaching work? Compares the rep's attainment of the focus metric's day goal (actual over goal, on complete
/// working days) and, for an outcome metric, the conversion, over the working days before a 1:1 and after it.
/// </summary>
public static class CoachingEffect
{
    public const int DefaultDays = 3;

    /// <param name="activities">The rep's activities around <paramref name="heldOn"/> (a few weeks either side is plenty).</param>
    /// <param name="today">Days from today on are not complete and are left out of "after".</param>
    public static CoachingEffectFigures Measure(Team team, Rep rep, IReadOnlyList<Metric> metrics, IReadOnlyList<TimedActivity> activities,
        DateOnly heldOn, string focusMetric, DateOnly today, int days = DefaultDays)
    {
        var before = WorkingDays(team, heldOn, -1, days, today);
        var after = WorkingDays(team, heldOn, +1, days, today);
        var metric = metrics.FirstOrDefault(m => m.Key == focusMetric);
        var goal = rep.Goals.FirstOrDefault(g => g.Metric == focusMetric && g.Period == GoalPeriod.Day)?.Target;
        var byDay = activities
            .GroupBy(a => (Day: team.Calendar.LocalDate(a.OccurredAt), a.Metric))
            .ToDictionary(g => g.Key, g => (double)g.Sum(a => a.Quantity));
        double Sum(IEnumerable<DateOnly> ds, string m) => ds.Sum(d => byDay.GetValueOrDefault((d, m)));
        double? Attainment(IReadOnlyList<DateOnly> ds) => goal is { } g && ds.Count > 0 ? Sum(ds, focusMetric) / (g * ds.Count) : null;
        double? Conversion(IReadOnlyList<DateOnly> ds) =>
            metric?.OutcomeOf is { } attempts && Sum(ds, attempts) > 0 ? Sum(ds, focusMetric) / Sum(ds, attempts) : null;

        var figures = new CoachingEffectFigures(before.Count, after.Count, Attainment(before), Attainment(after), Conversion(before), Conversion(after), "");
        return figures with { Summary = Describe(figures, metric?.Name ?? focusMetric) };
    }

    private static string Describe(CoachingEffectFigures f, string metricName)
    {
        if (f.DaysAfter == 0)
        {
            return "Too early to tell: no complete working day since the 1:1 yet.";
        }

        var parts = new List<string>();
        if (f.AttainmentBefore is { } ab && f.AttainmentAfter is { } aa)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{metricName} pace {ab * 100:0}% → {aa * 100:0}%"));
        }

        if (f.ConversionBefore is { } cb && f.ConversionAfter is { } ca)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"conversion {cb * 100:0}% → {ca * 100:0}%"));
        }

        return parts.Count == 0
            ? "No comparable figures for this focus."
            : $"{string.Join(", ", parts)} in the {f.DaysAfter} working day{(f.DaysAfter == 1 ? "" : "s")} after the 1:1";
    }

    private static List<DateOnly> WorkingDays(Team team, DateOnly from, int direction, int count, DateOnly today)
    {
        var days = new List<DateOnly>();
        for (var day = from.AddDays(direction); days.Count < count && Math.Abs(day.DayNumber - from.DayNumber) <= 60; day = day.AddDays(direction))
        {
            if (direction > 0 && day >= today)
            {
                break;
            }

            if (team.Calendar.IsWorkingDay(day))
            {
                days.Add(day);
            }
        }

        return days;
    }
}
