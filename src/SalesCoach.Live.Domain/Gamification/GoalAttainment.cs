namespace SalesCoach.Live.Domain.Gamification;

/// <summary>One goal of a rep as attainment sees it: what was done and what was expected by now.</summary>
public readonly record struct GoalAttainment(string Metric, double Actual, double Expected);
