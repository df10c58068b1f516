using System.Text.Json;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>One rep's row of a live board: rank, the day's score and the pace of each metric.</summary>
public sealed record RepLine(string RepId, string Name, int Rank, double Score, IReadOnlyDictionary<string, MetricCell> Metrics)
{
    public static RepLine Read(JsonElement e) => new(
        e.GetProperty("repId").GetString()!,
        e.GetProperty("name").GetString() ?? "",
        e.GetProperty("rank").GetInt32(),
        e.GetProperty("score").GetDouble(),
        ReadMetrics(e));

    internal static Dictionary<string, MetricCell> ReadMetrics(JsonElement e)
    {
        var metrics = new Dictionary<string, MetricCell>(StringComparer.Ordinal);
        if (e.TryGetProperty("metrics", out var m) && m.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in m.EnumerateObject())
            {
                metrics[p.Name] = MetricCell.Read(p.Value);
            }
        }

        return metrics;
    }
}
