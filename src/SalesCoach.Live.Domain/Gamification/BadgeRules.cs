namespace SalesCoach.Live.Domain.Gamification;

/// <summary>The badge table the product ships with.</summary>
public static class BadgeRules
{
    public static IReadOnlyList<BadgeRule> Default { get; } =
    [
        new("first-meeting", "First meeting of the day", BadgeKind.FirstOfDay, BadgePeriod.Day, Metric: "meeting"),
        new("personal-best", "Personal best day", BadgeKind.PersonalBestDay, BadgePeriod.Day),
        new("goal-before-noon", "Goal met before noon", BadgeKind.GoalMetBefore, BadgePeriod.Day, Before: TimeSpan.FromHours(12)),
        new("comeback", "Comeback", BadgeKind.Comeback, BadgePeriod.Day),
        new("century-calls", "100th call of the week", BadgeKind.WeekCountReached, BadgePeriod.Week, Metric: "call", Threshold: 100),
    ];
}
