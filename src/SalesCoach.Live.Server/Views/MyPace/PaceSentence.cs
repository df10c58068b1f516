using System.Globalization;
using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Views.Floor;

namespace SalesCoach.Live.Server.Views.MyPace;

/// <summary>
/// The one plain sentence a rep reads under a goal: what to do next, in numbers and a clock time.
/// Day goals: behind, how many more by the next checkpoint (the next full hour at least half an hour away, within
/// working hours) to be back on pace, from the goal times the working time elapsed by then (contract section 3); on
/// pace or ahead, how many are left and the hourly rate that reaches the goal (<c>neededPerHour</c>).
/// Week, month and quarter goals: how many are left in the period and, rounded up, how many a working day that is over
/// the working days left (the team's working days less holidays, today only while working time remains today); on the
/// period's last working day it says "today". Before the first working minute, after the last, and once the goal is
/// met, it says so instead of asking for the impossible.
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

        var period = GoalPeriodNames.TryParse(cell.Period, out var p) ? p : GoalPeriod.Day;
        if (actual >= goal)
        {
            var over = period == GoalPeriod.Day ? "" : $" {ThisPeriod(period)}";
            return $"Goal reached: {Count(actual)} of {Count(goal)} {name}{over}. Everything from here is a bonus.";
        }

        var range = calendar.PeriodAt(period, now);
        var progress = calendar.Progress(range, now);
        var left = goal - actual;
        if (progress.Remaining <= TimeSpan.Zero)
        {
            return $"No working time left {ThisPeriod(period)}: {Count(actual)} of {Count(goal)} {name}, {Count(left)} short.";
        }

        if (period != GoalPeriod.Day)
        {
            return ForLongPeriod(goal, actual, name, period, range, progress, calendar, now);
        }

        var end = LastWorkingMinute(calendar, range);
        var perHour = left / progress.Remaining.TotalHours;
        if (progress.Elapsed <= TimeSpan.Zero)
        {
            var start = NextWorkingStart(calendar, range, now) ?? now;
            return $"Not started yet: from {When(calendar, start, now)}, {Count(left)} {Noun(name, left)} to make by {When(calendar, end, now)}, about {Rate(perHour)} an hour.";
        }

        var expected = goal * progress.ElapsedFraction;
        if (actual >= expected)
        {
            return $"{AheadOrOnPace(actual, expected)}: {Count(left)} more {Noun(name, left)} by {When(calendar, end, now)} {Reach(left)} the goal, about {Rate(perHour)} an hour.";
        }

        var checkpoint = Checkpoint(calendar, range, now, end);
        if (checkpoint >= end)
        {
            var toGo = Math.Ceiling(left);
            return $"Make {Count(toGo)} more {Noun(name, toGo)} by {When(calendar, end, now)} to reach your goal.";
        }

        var dueByCheckpoint = goal * calendar.Progress(range, checkpoint).ElapsedFraction;
        var needed = Math.Max(1, Math.Ceiling(dueByCheckpoint - actual - 1e-9));
        return $"Make {Count(needed)} more {Noun(name, needed)} by {When(calendar, checkpoint, now)} to be back on pace.";
    }

    /// <summary>
    /// A week, month or quarter goal with working time left and not yet met: what is left over the working days left.
    /// </summary>
    private static string ForLongPeriod(
        double goal, double actual, string name, GoalPeriod period, PeriodRange range, PeriodProgress progress, WorkingCalendar calendar, DateTimeOffset now)
    {
        var left = Math.Ceiling(goal - actual - 1e-9);
        var days = WorkingDaysLeft(calendar, range, now);
        if (days.Count == 0)
        {
            return $"No working time left {ThisPeriod(period)}: {Count(actual)} of {Count(goal)} {name}, {Count(goal - actual)} short.";
        }

        var spread = Spread(left, days, period, calendar, now);
        if (progress.Elapsed <= TimeSpan.Zero)
        {
            var start = NextWorkingStart(calendar, range, now) ?? now;
            return $"Not started yet: from {When(calendar, start, now)}, {Count(left)} {Noun(name, left)} to make {ThisPeriod(period)}, {spread}.";
        }

        var expected = goal * progress.ElapsedFraction;
        if (actual >= expected)
        {
            return $"{AheadOrOnPace(actual, expected)}: {Count(left)} more {Noun(name, left)} {ThisPeriod(period)} {Reach(left)} the goal, {spread}.";
        }

        return $"Behind pace: {Count(left)} more {Noun(name, left)} {ThisPeriod(period)}, {spread}.";
    }

    /// <summary>
    /// How <paramref name="left"/> spreads over the working days left (at least one): on the last one, which day that is;
    /// before it, the per-day figure rounded up and how many days, or only how many days when fewer are left than days.
    /// </summary>
    private static string Spread(double left, IReadOnlyList<DateOnly> days, GoalPeriod period, WorkingCalendar calendar, DateTimeOffset now)
    {
        var today = calendar.LocalDate(now);
        var first = days[0];
        if (days.Count == 1)
        {
            var all = left > 1 ? "all " : "";
            var when = first == today
                ? $"today by {When(calendar, calendar.WorkingWindow(first)!.Value.End, now)}"
                : first == today.AddDays(1) ? "tomorrow" : $"on {DayName(first, today)}";
            return $"{all}{when}, the last working day of the {period.ToName()}";
        }

        var from = first == today ? "including today" : first == today.AddDays(1) ? "from tomorrow" : $"from {DayName(first, today)}";
        var over = $"{Count(days.Count)} working days left ({from})";
        if (left < days.Count)
        {
            return $"with {over}";
        }

        var perDay = Math.Ceiling((left / days.Count) - 1e-9);
        return $"about {Count(perDay)} a working day over the {over}";
    }

    /// <summary>
    /// The working days of <paramref name="range"/> from the local date of <paramref name="now"/> on, today only while
    /// working time remains today; holidays and days off never count.
    /// </summary>
    private static IReadOnlyList<DateOnly> WorkingDaysLeft(WorkingCalendar calendar, PeriodRange range, DateTimeOffset now)
    {
        var days = new List<DateOnly>();
        var from = calendar.LocalDate(now);
        for (var date = from < range.First ? range.First : from; date <= range.Last; date = date.AddDays(1))
        {
            if (calendar.WorkingWindow(date) is { } window && window.End > now)
            {
                days.Add(date);
            }
        }

        return days;
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

    /// <summary>"12 ahead of pace", or "On pace" when the lead is under one.</summary>
    private static string AheadOrOnPace(double actual, double expected) =>
        Math.Floor(actual - expected) is var lead && lead >= 1 ? $"{Count(lead)} ahead of pace" : "On pace";

    private static string Reach(double left) => left == 1 ? "reaches" : "reach";

    /// <summary>A weekday within the coming week ("Monday"), with its date beyond ("Monday 4 Jan").</summary>
    private static string DayName(DateOnly date, DateOnly today) =>
        date.ToString(date.DayNumber - today.DayNumber < 7 ? "dddd" : "dddd d MMM", CultureInfo.InvariantCulture);

    /// <summary>
    /// The metric's (lower-case, plural) name for <paramref name="count"/>: for exactly one, its first word made singular
    /// ("calls" to "call", "meetings booked" to "meeting booked", "replies" to "reply").
    /// </summary>
    private static string Noun(string name, double count)
    {
        if (count != 1)
        {
            return name;
        }

        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var word = space < 0 ? name : name[..space];
        var rest = space < 0 ? "" : name[space..];
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 3)
        {
            word = word[..^3] + "y";
        }
        else if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && word.Length > 1)
        {
            word = word[..^1];
        }

        return word + rest;
    }

    private static string Count(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Rate(double perHour) => perHour.ToString(perHour >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture);
}
