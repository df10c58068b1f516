namespace SalesCoach.Live.Grains.Gamification;

/// <summary>One rule change of a contest, kept in its state: when, who, and each field from → to.</summary>
public sealed class RuleChangeEntry
{
    public DateTimeOffset At { get; set; }

    public string By { get; set; } = "";

    public List<RuleChangeItem> Changes { get; set; } = [];
}
