namespace SalesCoach.Live.Domain.Coaching;

/// <summary>What to coach for a reason code (and optionally a metric): the behaviour, in a sentence.</summary>
public sealed record FocusRule(string Code, string? Metric, string Suggestion);
