using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Views.Reps;

/// <summary>
/// Actual against expected through a rep's working day, at fixed checkpoints from the start of working hours up to
/// now: actual is the count of the day's activities up to each checkpoint (voids included, as negatives), expected is
/// the day goal times the share of the day's working time gone by then (contract section 3), so the chart shows the
/// same numbers the board showed at that moment.
/// </summary>
public static class DayCurve
{
    /// <summary>The checkpoints of the local day that holds <paramref name="now"/>; empty on a day off or before work starts.</summary>
    /// <param name="activities">The day's entries of the metric: when, and how many (negative for a void).</param>
    public static IReadOnlyList<CurvePoint> Build(
        WorkingCalendar calendar, double? dayGoal, IEnumerable<(DateTimeOffset At, int Quantity)> activities, DateTimeOffset now, TimeSpan step)
    {
        var today = calendar.LocalDate(now);
        if (calendar.WorkingWindow(today) is not { } window || now < window.Start || step <= TimeSpan.Zero)
        {
            return [];
        }

        var range = PeriodRange.Containing(GoalPeriod.Day, today);
        var sorted = activities.OrderBy(a => a.At).ToList();
        var last = now < window.End ? now : window.End;
        var points = new List<CurvePoint>();
        for (var at = window.Start; ; at += step)
        {
            var checkpoint = at > last ? last : at;
            var actual = sorted.Where(a => a.At <= checkpoint && calendar.LocalDate(a.At) == today).Sum(a => a.Quantity);
            double? expected = dayGoal is { } goal ? goal * calendar.Progress(range, checkpoint).ElapsedFraction : null;
            var label = calendar.ToLocal(checkpoint).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            points.Add(new CurvePoint(label, checkpoint, actual, expected is { } e ? Math.Round(e, 2) : null));
            if (checkpoint >= last)
            {
                break;
            }
        }

        return points;
    }
}
