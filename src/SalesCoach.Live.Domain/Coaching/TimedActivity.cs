namespace SalesCoach.Live.Domain.Coaching;

/// <summary>An activity as coaching sees it: when, what, how many.</summary>
public readonly record struct TimedActivity(DateTimeOffset OccurredAt, string Metric, int Quantity);
