namespace SalesCoach.Live.Domain.Gamification;

/// <summary>An activity as a contest scores it (voids carry a negative quantity).</summary>
public readonly record struct ScoredActivity(string RepId, DateTimeOffset OccurredAt, string Metric, long Quantity);
