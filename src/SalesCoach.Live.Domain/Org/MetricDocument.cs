using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Domain.Org;

/// <summary>A metric of the org file: key, name, points, and whether it is an outcome of another, celebrates, has a value.</summary>
public sealed record MetricDocument
{
    public string Key { get; init; } = "";

    public string Name { get; init; } = "";

    public int Points { get; init; }

    public string? OutcomeOf { get; init; }

    public bool Celebrate { get; init; }

    public bool HasValue { get; init; }

    /// <summary>Properties the type does not name, kept as read.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}
