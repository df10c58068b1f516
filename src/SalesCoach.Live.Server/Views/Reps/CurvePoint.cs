namespace SalesCoach.Live.Server.Views.Reps;

/// <summary>One checkpoint of a rep's day: the local time, the count by then, and where the goal said the count should be.</summary>
public sealed record CurvePoint(string Label, DateTimeOffset At, double Actual, double? Expected);
