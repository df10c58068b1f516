using System.Text.Json;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>The team's totals on a live board: its score and the pace of each metric against the sum of its reps' goals.</summary>
public sealed record TeamLine(double Score, IReadOnlyDictionary<string, MetricCell> Metrics)
{
    public static TeamLine Read(JsonElement e) => new(
        e.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0,
        RepLine.ReadMetrics(e));
}
