using System.Globalization;
using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Views.Floor;

namespace SalesCoach.Live.Server.Views.MyPace;

/// <summary>
/// The one plain sentence a rep reads under a goal: what to do next, in numbers and a clock time.
/// Behind: how many more by the next checkpoint (the next full hour at least half an hour away, within working hours)
/// to be back on pace, from the goal times the working time elapsed by then (contract section 3). On pace or ahead:
/// how many are left and the hourly rate that reaches the goal (<c>neededPerHour</c>). Before the first working
/// minute, after the last, and once the goal is met, it says so instead of asking for the impossible.
/// </summary>
public static class PaceSentence
{
    /// <summary>The least time to a checkpoint; a checkpoint five minutes away asks for a sprint, not a plan.</summary>
    private static readonly TimeSpan MinLead = TimeSpan.FromMinutes(30);

    /// <summary>The sentence for one goal's figures (<paramref name="cell"/>) of a metric, at <paramref name="now"/>.</summary>
    public static string For(MetricCell cell, string metricName, WorkingCalendar calendar, DateTimeOffset now)
    {
        var name = metricName.ToLowerInvariant();
        var actual = cell.Actual;
        if (cell.Goal is not { } goal || goal <= 0)
        {
            return $"No goal for {name}: {Count(actual)} so far.";
        }

        if (actual >= goal)
        {
            return $"Goal reached: {Count(actual)} of {Count(goal)} {name}. Everything from here is a bonus.";
        }

        var period = GoalPeriodNames.TryParse(cell.Period, out var p) ? p : GoalPeriod.Day;
        var range = calendar.PeriodAt(period, now);
        var progress = calendar.Progress(range, now);
        var left = goal - actual;
        if (progress.Remaining <= TimeSpan.Zero)
        {
            return $"No working time left {ThisPeriod(period)}: {Count(actual)} of {Count(goal)} {name}, {Count(left)} short.";
        }

        var end = LastWorkingMinute(calendar, range);
        var perHour = left / progress.Remaining.TotalHours;
        if (progress.Elapsed <= TimeSpan.Zero)
        {
            var start = NextWorkingStart(calendar, range, now) ?? now;
            return $"Not started yet: from {When(calendar, start, now)}, {Count(left)} {name} to make by {When(calendar, end, now)}, about {Rate(perHour)} an hour.";
        }

        var expected = goal * progress.ElapsedFraction;
        if (actual >= expected)
        {
            var lead = Math.Floor(actual - expected);
            var opening = lead >= 1 ? $"{Count(lead)} ahead of pace" : "On pace";
            return $"{opening}: {Count(left)} more {name} by {When(calendar, end, now)} reach the goal, about {Rate(perHour)} an hour.";
        }

        var checkpoint = Checkpoint(calendar, range, now, end);
        if (checkpoint >= end)
        {
            return $"Make {Count(Math.Ceiling(left))} more {name} by {When(calendar, end, now)} to reach your goal.";
        }

        var dueByCheckpoint = goal * calendar.Progress(range, checkpoint).ElapsedFraction;
        var needed = Math.Max(1, Math.Ceiling(dueByCheckpoint - actual - 1e-9));
        return $"Make {Count(needed)} more {name} by {When(calendar, checkpoint, now)} to be back on pace.";
    }

    /// <summary>
    /// The next full hour at least <see cref="MinLead"/> away inside working hours, or an hour into the next working
    /// window; never after the period's last working minute.
    /// </summary>
    internal static DateTimeOffset Checkpoint(WorkingCalendar calendar, PeriodRange range, DateTimeOffset now, DateTimeOffset end)
    {
        for (var date = calendar.LocalDate(now); date <= range.Last; date = date.AddDays(1))
        {
            if (calendar.WorkingWindow(date) is not { } window || window.End <= now)
            {
                continue;
            }

            DateTimeOffset candidate;
            if (now < window.Start)
            {
                candidate = window.Start.AddHours(1);
            }
            else
            {
                var local = calendar.ToLocal(now);
                candidate = calendar.At(date, TimeSpan.FromHours(local.Hour + 1));
                if (candidate - now < MinLead)
                {
                    candidate = candidate.AddHours(1);
                }
            }

            candidate = candidate > window.End ? window.End : candidate;
            return candidate > end ? end : candidate;
        }

        return end;
    }

    private static DateTimeOffset? NextWorkingStart(WorkingCalendar calendar, PeriodRange range, DateTimeOffset now)
    {
        for (var date = calendar.LocalDate(now); date <= range.Last; date = date.AddDays(1))
        {
            if (calendar.WorkingWindow(date) is { } window && window.End > now)
            {
                return window.Start > now ? window.Start : now;
            }
        }

        return null;
    }

    private static DateTimeOffset LastWorkingMinute(WorkingCalendar calendar, PeriodRange range)
    {
        for (var date = range.Last; date >= range.First; date = date.AddDays(-1))
        {
            if (calendar.WorkingWindow(date) is { } window)
            {
                return window.End;
            }
        }

        return calendar.At(range.Last.AddDays(1), TimeSpan.Zero);
    }

    /// <summary>A clock time on the same local day as <paramref name="now"/>, else with the weekday (and date beyond a week).</summary>
    private static string When(WorkingCalendar calendar, DateTimeOffset instant, DateTimeOffset now)
    {
        var local = calendar.ToLocal(instant);
        var today = calendar.LocalDate(now);
        var day = DateOnly.FromDateTime(local.DateTime);
        var format = day == today ? "HH:mm" : day.DayNumber - today.DayNumber < 7 ? "ddd HH:mm" : "ddd d MMM HH:mm";
        return local.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string ThisPeriod(GoalPeriod period) => period switch
    {
        GoalPeriod.Day => "today",
        GoalPeriod.Week => "this week",
        GoalPeriod.Month => "this month",
        _ => "this quarter",
    };

    private static string Count(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Rate(double perHour) => perHour.ToString(perHour >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture);
}
