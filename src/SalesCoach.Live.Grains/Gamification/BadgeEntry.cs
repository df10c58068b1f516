namespace SalesCoach.Live.Grains.Gamification;

/// <summary>A persisted badge award.</summary>
public sealed class BadgeEntry
{
    public string RuleId { get; set; } = "";

    public string Name { get; set; } = "";

    public string PeriodKey { get; set; } = "";

    public DateTimeOffset EarnedAt { get; set; }
}
