using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Domain.Org;

/// <summary>A goal of the org file: a target for a metric over a period (a team's default, or a rep's own).</summary>
public sealed record GoalDocument
{
    public string Metric { get; init; } = "";

    public string Period { get; init; } = "day";

    public double Target { get; init; }

    /// <summary>Properties the type does not name, kept as read.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}
