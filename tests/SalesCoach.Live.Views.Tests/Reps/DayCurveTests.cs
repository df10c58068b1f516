using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Views.Reps;

namespace SalesCoach.Live.Views.Tests.Reps;

/// <summary>The drill-down chart's numbers: the count by each half hour against the goal's share of the day gone.</summary>
public sealed class DayCurveTests
{
    private static readonly Team Emea = DemoOrg.Create().FindTeam("emea")!;

    private static DateTimeOffset At(string time, int day = 26) =>
        Emea.Calendar.At(new DateOnly(2026, 11, day), TimeSpan.Parse(time, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Checkpoints_run_from_the_start_of_work_to_now_with_actual_and_expected()
    {
        var activities = new[] { (At("09:10"), 3), (At("09:40"), 2), (At("10:05"), 4), (At("10:07"), -1), (At("08:00"), 5) };

        var curve = DayCurve.Build(Emea.Calendar, 60, activities, At("10:15"), TimeSpan.FromMinutes(30));

        Assert.Equal(["09:00", "09:30", "10:00", "10:15"], curve.Select(p => p.Label));
        // The 5 before work count from the start: they happened today.
        Assert.Equal([5d, 8, 10, 13], curve.Select(p => p.Actual));
        Assert.Equal([0d, 3.75, 7.5, 9.38], curve.Select(p => p.Expected!.Value));
    }

    [Theory]
    [InlineData("08:59", 26)]
    [InlineData("12:00", 28)]
    public void Before_work_or_on_a_day_off_there_is_no_curve(string time, int day)
    {
        Assert.Empty(DayCurve.Build(Emea.Calendar, 60, [], At(time, day), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void After_work_the_curve_ends_at_the_end_of_working_hours_and_without_a_goal_has_no_expected()
    {
        var curve = DayCurve.Build(Emea.Calendar, null, [(At("16:59"), 1)], At("19:00"), TimeSpan.FromHours(4));

        Assert.Equal(["09:00", "13:00", "17:00"], curve.Select(p => p.Label));
        Assert.Equal(1, curve[^1].Actual);
        Assert.All(curve, p => Assert.Null(p.Expected));
    }
}
