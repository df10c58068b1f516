using SalesCoach.Live.Domain.Coaching;

namespace SalesCoach.Live.Domain.Tests.Coaching;

/// <summary>Before and after a 1:1 held on Wednesday 2026-11-18 (team: Mon-Fri, day goal 60 calls).</summary>
public sealed class CoachingEffectTests
{
    private static readonly DateOnly HeldOn = new(2026, 11, 18);

    [Fact]
    public void Pace_and_conversion_before_and_after_compare_complete_working_days()
    {
        // Before: Fri 13 (weekend skipped), Mon 16, Tue 17: 36 calls a day (60%), 2 meetings a day.
        // After: Thu 19, Fri 20, Mon 23: 54 calls a day (90%), 6 meetings a day. The 1:1 day itself counts for neither.
        var activities = new List<TimedActivity>();
        foreach (var day in new[] { 13, 16, 17 })
        {
            activities.Add(Calls(day, 36));
            activities.Add(Meetings(day, 2));
        }

        activities.Add(Calls(18, 500));
        foreach (var day in new[] { 19, 20, 23 })
        {
            activities.Add(Calls(day, 54));
            activities.Add(Meetings(day, 6));
        }

        var rep = PlantedDay.Team.Reps[0];
        var callEffect = CoachingEffect.Measure(PlantedDay.Team, rep, PlantedDay.Org.Metrics, activities, HeldOn, "call", today: new DateOnly(2026, 11, 26));
        var meetingEffect = CoachingEffect.Measure(PlantedDay.Team, rep, PlantedDay.Org.Metrics, activities, HeldOn, "meeting", today: new DateOnly(2026, 11, 26));

        Assert.Equal((3, 3), (callEffect.DaysBefore, callEffect.DaysAfter));
        Assert.Equal(0.6, callEffect.AttainmentBefore!.Value, 6);
        Assert.Equal(0.9, callEffect.AttainmentAfter!.Value, 6);
        Assert.Equal("Calls pace 60% → 90% in the 3 working days after the 1:1", callEffect.Summary);
        Assert.Equal(6.0 / 108, meetingEffect.ConversionBefore!.Value, 6);
        Assert.Equal(18.0 / 162, meetingEffect.ConversionAfter!.Value, 6);
        Assert.Null(meetingEffect.AttainmentBefore); // meetings have a week goal, not a day goal
    }

    [Fact]
    public void Only_complete_days_count_after_the_one_to_one()
    {
        var rep = PlantedDay.Team.Reps[0];

        var sameDay = CoachingEffect.Measure(PlantedDay.Team, rep, PlantedDay.Org.Metrics, [Calls(18, 10)], HeldOn, "call", today: HeldOn);
        var nextDay = CoachingEffect.Measure(PlantedDay.Team, rep, PlantedDay.Org.Metrics, [Calls(19, 30)], HeldOn, "call", today: new DateOnly(2026, 11, 20));

        Assert.Equal(0, sameDay.DaysAfter);
        Assert.StartsWith("Too early", sameDay.Summary, StringComparison.Ordinal);
        Assert.Equal(1, nextDay.DaysAfter);
        Assert.Equal(0.5, nextDay.AttainmentAfter!.Value, 6);
    }

    private static TimedActivity Calls(int day, int quantity) => new(PlantedDay.Team.Calendar.At(new DateOnly(2026, 11, day), TimeSpan.FromHours(11)), "call", quantity);

    private static TimedActivity Meetings(int day, int quantity) => new(PlantedDay.Team.Calendar.At(new DateOnly(2026, 11, day), TimeSpan.FromHours(12)), "meeting", quantity);
}
