using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Views.Floor;
using SalesCoach.Live.Server.Views.MyPace;

namespace SalesCoach.Live.Views.Tests.MyPace;

/// <summary>
/// The sentence under each goal, on the EMEA calendar (Berlin, Monday to Friday 09:00–17:00), on Thursday
/// 26 November 2026: what to do next when behind, ahead, on pace, before work, after work, done, or without a goal.
/// </summary>
public sealed class PaceSentenceTests
{
    private static readonly Team Emea = DemoOrg.Create().FindTeam("emea")!;

    public static TheoryData<string, string, double, double?, string> Cases => new()
    {
        // Behind at 10:12: 9 expected; by 11:00 a quarter of the day has gone, 15 calls, 10 more than the 5 made.
        { "10:12", "day", 5, 60, "Make 10 more calls by 11:00 to be back on pace." },
        // At 10:40 the next full hour is only 20 minutes away: the checkpoint is 12:00 (22.5 calls due).
        { "10:40", "day", 5, 60, "Make 18 more calls by 12:00 to be back on pace." },
        // Late in the day the checkpoint is the end of working hours, so the sentence is about the goal itself.
        { "16:45", "day", 40, 60, "Make 20 more calls by 17:00 to reach your goal." },
        { "10:00", "day", 20, 60, "12 ahead of pace: 40 more calls by 17:00 reach the goal, about 5.7 an hour." },
        { "13:00", "day", 30, 60, "On pace: 30 more calls by 17:00 reach the goal, about 7.5 an hour." },
        { "08:00", "day", 0, 60, "Not started yet: from 09:00, 60 calls to make by 17:00, about 7.5 an hour." },
        { "08:30", "day", 4, 60, "Not started yet: from 09:00, 56 calls to make by 17:00, about 7 an hour." },
        { "18:00", "day", 42, 60, "No working time left today: 42 of 60 calls, 18 short." },
        { "15:00", "day", 61, 60, "Goal reached: 61 of 60 calls. Everything from here is a bonus." },
        // A week goal after Thursday's hours: 80% of the week gone (240 due); all that is left falls on Friday.
        { "18:00", "week", 150, 300, "Behind pace: 150 more calls this week, all tomorrow, the last working day of the week." },
        { "12:00", "day", 7, null, "No goal for calls: 7 so far." },
        // One to go reads in the singular (a goal of 8 a day is one an hour).
        { "16:45", "day", 7, 8, "Make 1 more call by 17:00 to reach your goal." },
        { "10:12", "day", 1, 8, "Make 1 more call by 11:00 to be back on pace." },
        { "16:45", "day", 59, 60, "On pace: 1 more call by 17:00 reaches the goal, about 4 an hour." },
        { "13:00", "day", 59, 60, "29 ahead of pace: 1 more call by 17:00 reaches the goal, about 0.3 an hour." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_sentence_says_what_to_do_next(string localTime, string period, double actual, double? goal, string expected)
    {
        var now = Emea.Calendar.At(new DateOnly(2026, 11, 26), TimeSpan.Parse(localTime, System.Globalization.CultureInfo.InvariantCulture));
        var cell = new MetricCell(period, actual, goal, null, null, null, null, goal is null ? "noGoal" : "behind", new Dictionary<string, MetricCell>());

        Assert.Equal(expected, PaceSentence.For(cell, "Calls", Emea.Calendar, now));
    }

    /// <summary>
    /// Week (300 calls) and month (1,200 calls, 4 deals) goals, at a local time and date in Berlin. November 2026 has 21
    /// working days (Monday 30th the last); the week of 21 December has three, its Thursday and Friday being holidays,
    /// and December's last working day is Wednesday 30th (the 31st is a holiday).
    /// </summary>
    public static TheoryData<string, string, string, double, double, string> LongPeriodCases => new()
    {
        // Behind mid-week, Tuesday 10:00: 67.5 due, 41 made; 259 over Tue–Fri is 64.75 a day, rounded up.
        { "2026-11-24 10:00", "week", "Calls", 41, 300, "Behind pace: 259 more calls this week, about 65 a working day over the 4 working days left (including today)." },
        // On pace, Wednesday 13:00: half the week gone, 150 due and made.
        { "2026-11-25 13:00", "week", "Calls", 150, 300, "On pace: 150 more calls this week reach the goal, about 50 a working day over the 3 working days left (including today)." },
        { "2026-11-25 13:00", "week", "Calls", 170, 300, "20 ahead of pace: 130 more calls this week reach the goal, about 44 a working day over the 3 working days left (including today)." },
        // Before Monday's first working minute.
        { "2026-11-23 08:00", "week", "Calls", 0, 300, "Not started yet: from 09:00, 300 calls to make this week, about 60 a working day over the 5 working days left (including today)." },
        // The last working day of the week: Friday 11:00, 255 due.
        { "2026-11-27 11:00", "week", "Calls", 250, 300, "Behind pace: 50 more calls this week, all today by 17:00, the last working day of the week." },
        { "2026-11-27 11:00", "week", "Calls", 299, 300, "44 ahead of pace: 1 more call this week reaches the goal, today by 17:00, the last working day of the week." },
        // Holidays Thursday 24 and Friday 25 December: Monday 10:00 has three working days left, not five (12.5 due).
        { "2026-12-21 10:00", "week", "Calls", 5, 300, "Behind pace: 295 more calls this week, about 99 a working day over the 3 working days left (including today)." },
        // ... and Wednesday 23rd is that week's last working day (212.5 due at 10:00).
        { "2026-12-23 10:00", "week", "Calls", 200, 300, "Behind pace: 100 more calls this week, all today by 17:00, the last working day of the week." },
        // Saturday: the week has no working time left, so no per-day figure.
        { "2026-11-28 11:00", "week", "Calls", 280, 300, "No working time left this week: 280 of 300 calls, 20 short." },
        { "2026-11-26 12:00", "week", "Calls", 300, 300, "Goal reached: 300 of 300 calls this week. Everything from here is a bonus." },
        // Month, Thursday 26 November 12:00: 147 of 168 working hours gone (1,050 due); Thu, Fri and Mon 30th left.
        { "2026-11-26 12:00", "month", "Calls", 1000, 1200, "Behind pace: 200 more calls this month, about 67 a working day over the 3 working days left (including today)." },
        // Fewer left than working days: no per-day figure of "1" that would ask for three deals.
        { "2026-11-26 12:00", "month", "Deals won", 3, 4, "Behind pace: 1 more deal won this month, with 3 working days left (including today)." },
        { "2026-11-26 12:00", "month", "Deals won", 5, 4, "Goal reached: 5 of 4 deals won this month. Everything from here is a bonus." },
        // Saturday mid-month: today does not count; six working days from Monday 23rd (857 due, 900 made).
        { "2026-11-21 11:00", "month", "Calls", 900, 1200, "42 ahead of pace: 300 more calls this month reach the goal, about 50 a working day over the 6 working days left (from Monday)." },
        // Saturday 28th: only Monday 30th is left.
        { "2026-11-28 11:00", "month", "Calls", 1100, 1200, "Behind pace: 100 more calls this month, all on Monday, the last working day of the month." },
        { "2026-11-30 18:00", "month", "Calls", 1100, 1200, "No working time left this month: 1100 of 1200 calls, 100 short." },
        // Sunday 1 November: the month starts tomorrow; 1,200 over 21 working days is 57.1 a day, rounded up.
        { "2026-11-01 11:00", "month", "Calls", 0, 1200, "Not started yet: from Mon 09:00, 1200 calls to make this month, about 58 a working day over the 21 working days left (from tomorrow)." },
        // December: holidays on the 24th, 25th and 31st leave six working days from Monday 21st (847.5 due at 10:00).
        { "2026-12-21 10:00", "month", "Calls", 800, 1200, "Behind pace: 400 more calls this month, about 67 a working day over the 6 working days left (including today)." },
        // After Tuesday 29th's hours only Wednesday 30th is left: the 31st is a holiday.
        { "2026-12-29 18:00", "month", "Calls", 1100, 1200, "Behind pace: 100 more calls this month, all tomorrow, the last working day of the month." },
    };

    [Theory]
    [MemberData(nameof(LongPeriodCases))]
    public void A_week_or_month_goal_is_spread_over_the_working_days_left(string local, string period, string metric, double actual, double goal, string expected)
    {
        var at = DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var now = Emea.Calendar.At(DateOnly.FromDateTime(at), at.TimeOfDay);
        var cell = new MetricCell(period, actual, goal, null, null, null, null, "behind", new Dictionary<string, MetricCell>());

        Assert.Equal(expected, PaceSentence.For(cell, metric, Emea.Calendar, now));
    }

    [Fact]
    public void On_a_day_off_a_day_goal_has_no_working_time_left()
    {
        var saturday = Emea.Calendar.At(new DateOnly(2026, 11, 28), TimeSpan.FromHours(11));
        var cell = new MetricCell("day", 0, 60, 0, null, null, null, "notStarted", new Dictionary<string, MetricCell>());

        Assert.Equal("No working time left today: 0 of 60 calls, 60 short.", PaceSentence.For(cell, "Calls", Emea.Calendar, saturday));
    }
}
