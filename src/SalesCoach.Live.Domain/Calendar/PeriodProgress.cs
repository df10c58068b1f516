namespace SalesCoach.Live.Domain.Calendar;

/// <summary>How much of a period's working time has passed at an instant.</summary>
/// <param name="Elapsed">Working time of the period up to the instant.</param>
/// <param name="Total">All working time of the period.</param>
public readonly record struct PeriodProgress(PeriodRange Range, TimeSpan Elapsed, TimeSpan Total)
{
    /// <summary>Elapsed over total; 0 for a period with no working time at all.</summary>
    public double ElapsedFraction => Total > TimeSpan.Zero ? (double)Elapsed.Ticks / Total.Ticks : 0d;

    public TimeSpan Remaining => Total - Elapsed;
}
