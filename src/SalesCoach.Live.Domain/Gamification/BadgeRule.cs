namespace SalesCoach.Live.Domain.Gamification;

/// <summary>One row of the badge table: what earns it and how often it can be earned.</summary>
/// <param name="Id">Stable key (persisted with each award).</param>
/// <param name="Metric">The metric the rule looks at, where it looks at one (null: any day goal).</param>
/// <param name="Threshold">The count a <see cref="BadgeKind.WeekCountReached"/> rule waits for.</param>
/// <param name="Before">The local time a <see cref="BadgeKind.GoalMetBefore"/> rule must beat.</param>
public sealed record BadgeRule(string Id, string Name, BadgeKind Kind, BadgePeriod Period, string? Metric = null, long Threshold = 0, TimeSpan? Before = null);
