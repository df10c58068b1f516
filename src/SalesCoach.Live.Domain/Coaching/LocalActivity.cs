namespace SalesCoach.Live.Domain.Coaching;

/// <summary>An activity seen in the team's local time: its day and time of day.</summary>
public readonly record struct LocalActivity(DateOnly Day, TimeSpan TimeOfDay, string Metric, int Quantity, DateTimeOffset OccurredAt);
