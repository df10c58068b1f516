namespace SalesCoach.Live.Domain.Boards;

/// <summary>One rep on a team's board. <see cref="Score"/> is the day's points; <see cref="Metrics"/> is keyed by metric key in org order.</summary>
public sealed record BoardRow(string RepId, string Name, int Rank, long Score, IReadOnlyList<KeyValuePair<string, MetricPace>> Metrics);
