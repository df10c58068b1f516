namespace SalesCoach.Live.Domain.Coaching;

/// <summary>One reason a rep needs coaching, in plain words with the numbers; <see cref="Severity"/> runs 0..1.</summary>
public sealed record CoachingReason(string Code, string Text, string Metric, double Severity);
