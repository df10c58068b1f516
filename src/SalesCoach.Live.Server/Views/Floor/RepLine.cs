using SalesCoach.Live.Abstractions.Boards;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>One rep's row of a live board as the views show it: rank, the day's score and the pace of each metric.</summary>
public sealed record RepLine(string RepId, string Name, int Rank, double Score, IReadOnlyDictionary<string, MetricCell> Metrics)
{
    public static RepLine From(RepRow row) => new(row.RepId, row.Name, row.Rank, row.Score, Cells(row.Metrics));

    internal static Dictionary<string, MetricCell> Cells(IReadOnlyList<Abstractions.Boards.MetricCell> cells) =>
        cells.ToDictionary(c => c.Key, MetricCell.From, StringComparer.Ordinal);
}
