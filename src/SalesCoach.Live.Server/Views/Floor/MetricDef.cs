using System.Text.Json;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>A metric as the board describes it (<c>metricDefs</c>): key, display name and points.</summary>
public sealed record MetricDef(string Key, string Name, double Points, string? OutcomeOf, bool HasValue)
{
    public static MetricDef Read(JsonElement e) => new(
        e.GetProperty("key").GetString()!,
        e.GetProperty("name").GetString() ?? e.GetProperty("key").GetString()!,
        e.TryGetProperty("points", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : 0,
        e.TryGetProperty("outcomeOf", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null,
        e.TryGetProperty("hasValue", out var h) && h.ValueKind == JsonValueKind.True);
}
