namespace SalesCoach.Live.Grains.Gamification;

/// <summary>A persisted moment of today's feed.</summary>
public sealed class MomentEntry
{
    public string Kind { get; set; } = "";

    public string RepId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Text { get; set; } = "";

    public string? Detail { get; set; }

    public decimal? Value { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}
