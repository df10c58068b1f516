namespace SalesCoach.Live.Domain.Boards;

/// <summary>A team's totals: the day's points of all reps and per metric the summed actuals against the summed goals.</summary>
public sealed record TeamTotals(long Score, IReadOnlyList<KeyValuePair<string, MetricPace>> Metrics);
