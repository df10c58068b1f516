using System.Text.Json.Serialization;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Domain.Boards;

namespace SalesCoach.Live.Abstractions.Boards;

/// <summary>
/// One rep on a team's board (contract section 5): rank, the day's score and per metric (in org order) the figures.
/// Equal when every field and every metric cell is equal: the team grain sends a row in a delta only when it changed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RepRow(
    [property: Id(0)] string RepId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Rank,
    [property: Id(3)] long Score,
    [property: Id(4), JsonConverter(typeof(MetricCellsConverter))] IReadOnlyList<MetricCell> Metrics)
{
    /// <summary>The cell of a metric, or null when the board has no such metric.</summary>
    public MetricCell? Cell(string key) => Metrics.FirstOrDefault(m => m.Key == key);

    public static RepRow From(BoardRow row) =>
        new(row.RepId, row.Name, row.Rank, row.Score, [.. row.Metrics.Select(m => MetricCell.From(m.Key, m.Value))]);

    public bool Equals(RepRow? other) =>
        other is not null && RepId == other.RepId && Name == other.Name && Rank == other.Rank && Score == other.Score
        && Metrics.SequenceEqual(other.Metrics);

    public override int GetHashCode() => HashCode.Combine(RepId, Rank, Score);
}
