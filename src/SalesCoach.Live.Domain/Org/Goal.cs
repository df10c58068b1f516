namespace SalesCoach.Live.Domain.Org;

/// <summary>A target quantity of one metric over one period.</summary>
public sealed record Goal(string Metric, GoalPeriod Period, double Target);
