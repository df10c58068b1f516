using System.Text.Json.Serialization;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Domain.Boards;

namespace SalesCoach.Live.Abstractions.Boards;

/// <summary>The team part of a board: the day's points of all reps and per metric the summed actuals against the summed goals.</summary>
[GenerateSerializer, Immutable]
public sealed record TeamRow(
    [property: Id(0)] long Score,
    [property: Id(1), JsonConverter(typeof(MetricCellsConverter))] IReadOnlyList<MetricCell> Metrics)
{
    public MetricCell? Cell(string key) => Metrics.FirstOrDefault(m => m.Key == key);

    public static TeamRow From(TeamTotals team) =>
        new(team.Score, [.. team.Metrics.Select(m => MetricCell.From(m.Key, m.Value))]);

    public bool Equals(TeamRow? other) =>
        other is not null && Score == other.Score && Metrics.SequenceEqual(other.Metrics);

    public override int GetHashCode() => HashCode.Combine(Score, Metrics.Count);
}
