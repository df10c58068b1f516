using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;
using static SalesCoach.Live.Domain.Tests.Moments;

namespace SalesCoach.Live.Domain.Tests.Pacing;

/// <summary><see cref="Pace.Evaluate"/>: the formulas of contract section 3.</summary>
public sealed class PaceTests
{
    private const int Precision = 9;

    [Theory]
    // The contract's board example, Thursday 2026-11-26 10:30 in Berlin, 09:00-17:00: 1.5 h of 8 h gone, 6.5 h left.
    // elapsedFraction = 1.5 / 8 = 0.1875.
    // Anna: goal 60, actual 30 -> expected 60 x 0.1875 = 11.25, paceRatio 30 / 11.25 = 2.666..., projected 30 / 0.1875 = 160,
    //       neededPerHour (60 - 30) / 6.5 = 4.615...
    [InlineData(60, 30, 11.25, 30 / 11.25, 160, 30 / 6.5)]
    // The team: goal 60 + 40 = 100, actual 45 -> expected 18.75, paceRatio 45 / 18.75 = 2.4, projected 45 / 0.1875 = 240,
    //       neededPerHour (100 - 45) / 6.5 = 8.46...
    [InlineData(100, 45, 18.75, 2.4, 240, 55 / 6.5)]
    public void The_contract_examples_come_out_as_written(double goal, double actual, double expected, double paceRatio, double projected, double neededPerHour)
    {
        var progress = TestCalendars.Berlin().Progress(GoalPeriod.Day, Instant("2026-11-26T10:30:00+01:00"));

        var pace = Pace.Evaluate(goal, actual, progress);

        Assert.Equal(GoalPeriod.Day, pace.Period);
        Assert.Equal(goal, pace.Goal);
        Assert.Equal(actual, pace.Actual);
        Assert.Equal(0.1875, pace.ElapsedFraction, Precision);
        Assert.Equal(expected, Value(pace.Expected), Precision);
        Assert.Equal(paceRatio, Value(pace.PaceRatio), Precision);
        Assert.Equal(projected, Value(pace.Projected), Precision);
        Assert.Equal(neededPerHour, Value(pace.NeededPerHour), Precision);
        Assert.Equal(PaceStatus.Ahead, pace.Status);
        // As rounded on the wire: 2.67 and 4.62 / 8.46.
        Assert.Equal(Math.Round(paceRatio, 2), Math.Round(Value(pace.PaceRatio), 2));
        Assert.Equal(Math.Round(neededPerHour, 2), Math.Round(Value(pace.NeededPerHour), 2));
    }

    [Theory]
    // Goal 20 with half of an 8 h day gone: expected 20 x 0.5 = 10, so paceRatio = actual / 10.
    [InlineData(30, PaceStatus.Ahead)]
    [InlineData(11, PaceStatus.Ahead)] // 1.1 exactly: ahead
    [InlineData(10.999, PaceStatus.OnPace)] // 1.0999
    [InlineData(10, PaceStatus.OnPace)]
    [InlineData(9, PaceStatus.OnPace)] // 0.9 exactly: on pace
    [InlineData(8.999, PaceStatus.Behind)] // 0.8999
    [InlineData(7, PaceStatus.Behind)] // 0.7 exactly: behind
    [InlineData(6.999, PaceStatus.AtRisk)] // 0.6999
    [InlineData(0, PaceStatus.AtRisk)]
    public void The_status_starts_at_each_threshold(double actual, PaceStatus status)
    {
        var pace = Pace.Evaluate(20, actual, Progress(4, 8));

        Assert.Equal(10, Value(pace.Expected));
        Assert.Equal(actual / 10, Value(pace.PaceRatio), Precision);
        Assert.Equal(status, pace.Status);
    }

    [Theory]
    // Nothing elapsed yet (before 09:00), whatever has already been done.
    [InlineData(60, 0)]
    [InlineData(60, 5)]
    [InlineData(60, 100)]
    public void Nothing_is_expected_before_the_first_working_minute_so_the_status_is_not_started(double goal, double actual)
    {
        var pace = Pace.Evaluate(goal, actual, Progress(0, 8));

        Assert.Equal(0, pace.ElapsedFraction);
        Assert.Equal(0, pace.Expected);
        Assert.Null(pace.PaceRatio);
        Assert.Null(pace.Projected);
        Assert.Equal(PaceStatus.NotStarted, pace.Status);
        // The whole day is still ahead: max(0, goal - actual) / 8 h.
        Assert.Equal(Math.Max(0, goal - actual) / 8, Value(pace.NeededPerHour), Precision);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    public void A_period_without_working_time_has_no_ratio_projection_or_hourly_need(double actual)
    {
        // A Saturday for a Mon-Fri team: no working time at all.
        var pace = Pace.Evaluate(60, actual, Progress(0, 0));

        Assert.Equal(0, pace.Expected);
        Assert.Null(pace.PaceRatio);
        Assert.Null(pace.Projected);
        Assert.Null(pace.NeededPerHour);
        Assert.Equal(PaceStatus.NotStarted, pace.Status);
    }

    [Theory]
    // After the last working minute: fraction 1, nothing remains.
    [InlineData(60, 30, 0.5, PaceStatus.AtRisk)]
    [InlineData(60, 60, 1.0, PaceStatus.OnPace)]
    [InlineData(60, 66, 1.1, PaceStatus.Ahead)]
    public void When_no_working_time_remains_there_is_no_hourly_need_and_the_projection_is_the_actual(double goal, double actual, double ratio, PaceStatus status)
    {
        var pace = Pace.Evaluate(goal, actual, Progress(8, 8));

        Assert.Equal(goal, Value(pace.Expected));
        Assert.Equal(ratio, Value(pace.PaceRatio), Precision);
        Assert.Equal(actual, Value(pace.Projected), Precision);
        Assert.Null(pace.NeededPerHour);
        Assert.Equal(status, pace.Status);
    }

    [Theory]
    // Half of an 8 h day gone: 4 h remain.
    [InlineData(60, 20, 10)] // (60 - 20) / 4
    [InlineData(60, 60, 0)] // goal met
    [InlineData(60, 75, 0)] // beyond the goal: 0, not negative
    public void The_hourly_need_is_what_is_missing_over_the_remaining_hours_and_never_negative(double goal, double actual, double neededPerHour) =>
        Assert.Equal(neededPerHour, Value(Pace.Evaluate(goal, actual, Progress(4, 8)).NeededPerHour), Precision);

    [Theory]
    // A week of 40 h with 10 h gone: fraction 0.25.
    [InlineData(300, 50, 75, 200)] // expected 300 x 0.25, projected 50 / 0.25
    [InlineData(8, 3, 2, 12)]
    public void Expected_and_projected_scale_with_the_elapsed_fraction(double goal, double actual, double expected, double projected)
    {
        var pace = Pace.Evaluate(goal, actual, Progress(10, 40, GoalPeriod.Week));

        Assert.Equal(GoalPeriod.Week, pace.Period);
        Assert.Equal(expected, Value(pace.Expected), Precision);
        Assert.Equal(projected, Value(pace.Projected), Precision);
    }

    [Theory]
    // Custom thresholds 1.5 / 1.0 / 0.5; expected 10 as above.
    [InlineData(15, PaceStatus.Ahead)]
    [InlineData(12, PaceStatus.OnPace)] // ahead by the defaults, only on pace here
    [InlineData(8, PaceStatus.Behind)]
    [InlineData(4, PaceStatus.AtRisk)]
    public void Configured_thresholds_replace_the_defaults(double actual, PaceStatus status) =>
        Assert.Equal(status, Pace.Evaluate(20, actual, Progress(4, 8), new PaceThresholds(1.5, 1.0, 0.5)).Status);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 4)]
    public void A_metric_without_a_goal_shows_only_its_count(double actual, double elapsedHours)
    {
        var pace = Pace.Count(actual, Progress(elapsedHours, 8));

        Assert.Equal(actual, pace.Actual);
        Assert.Null(pace.Goal);
        Assert.Null(pace.Expected);
        Assert.Null(pace.PaceRatio);
        Assert.Null(pace.Projected);
        Assert.Null(pace.NeededPerHour);
        Assert.Equal(PaceStatus.NoGoal, pace.Status);
        Assert.Equal(elapsedHours / 8, pace.ElapsedFraction, Precision);
    }

    private static PeriodProgress Progress(double elapsedHours, double totalHours, GoalPeriod period = GoalPeriod.Day) =>
        new(PeriodRange.Containing(period, Date("2026-11-26")), TimeSpan.FromHours(elapsedHours), TimeSpan.FromHours(totalHours));

    private static double Value(double? number)
    {
        Assert.NotNull(number);
        return number.Value;
    }
}
