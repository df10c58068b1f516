using SalesCoach.Live.Domain.Calendar;

namespace SalesCoach.Live.Domain.Pacing;

/// <summary>The pacing formulas of contract section 3.</summary>
public static class Pace
{
    /// <summary>Pace of <paramref name="actual"/> against <paramref name="goal"/> given how far the period has gone.</summary>
    public static PaceFigures Evaluate(double goal, double actual, PeriodProgress progress, PaceThresholds? thresholds = null)
    {
        var fraction = progress.ElapsedFraction;
        var expected = goal * fraction;
        double? paceRatio = expected > 0 ? actual / expected : null;
        double? projected = fraction > 0 ? actual / fraction : null;
        var remainingHours = progress.Remaining.TotalHours;
        double? neededPerHour = remainingHours > 0 ? Math.Max(0, goal - actual) / remainingHours : null;
        var status = paceRatio is { } ratio ? (thresholds ?? PaceThresholds.Default).StatusOf(ratio) : PaceStatus.NotStarted;
        return new PaceFigures(progress.Range.Period, actual, goal, expected, paceRatio, projected, neededPerHour, status, fraction);
    }

    /// <summary>Figures for a metric that has no goal: only the count.</summary>
    public static PaceFigures Count(double actual, PeriodProgress progress) =>
        new(progress.Range.Period, actual, null, null, null, null, null, PaceStatus.NoGoal, progress.ElapsedFraction);
}
