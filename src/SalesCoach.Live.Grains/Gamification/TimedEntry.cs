namespace SalesCoach.Live.Grains.Gamification;

/// <summary>A recent activity kept for the hot-hand window.</summary>
public sealed class TimedEntry
{
    public DateTimeOffset At { get; set; }

    public string Metric { get; set; } = "";

    public int Quantity { get; set; }
}
