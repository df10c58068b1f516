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
        // A week goal after Thursday's hours: 80% of the week gone (240 due); by Friday 10:00 82.5% (247.5 due).
        { "18:00", "week", 150, 300, "Make 98 more calls by Fri 10:00 to be back on pace." },
        { "12:00", "day", 7, null, "No goal for calls: 7 so far." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_sentence_says_what_to_do_next(string localTime, string period, double actual, double? goal, string expected)
    {
        var now = Emea.Calendar.At(new DateOnly(2026, 11, 26), TimeSpan.Parse(localTime, System.Globalization.CultureInfo.InvariantCulture));
        var cell = new MetricCell(period, actual, goal, null, null, null, null, goal is null ? "noGoal" : "behind", new Dictionary<string, MetricCell>());

        Assert.Equal(expected, PaceSentence.For(cell, "Calls", Emea.Calendar, now));
    }

    [Fact]
    public void On_a_day_off_a_day_goal_has_no_working_time_left()
    {
        var saturday = Emea.Calendar.At(new DateOnly(2026, 11, 28), TimeSpan.FromHours(11));
        var cell = new MetricCell("day", 0, 60, 0, null, null, null, "notStarted", new Dictionary<string, MetricCell>());

        Assert.Equal("No working time left today: 0 of 60 calls, 60 short.", PaceSentence.For(cell, "Calls", Emea.Calendar, saturday));
    }
}
