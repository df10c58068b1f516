using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Domain.Org;

/// <summary>A rep of the org file: id, name, and the goals that replace the team's (null: none of its own).</summary>
public sealed record RepDocument
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public IReadOnlyList<GoalDocument>? Goals { get; init; }

    /// <summary>Properties the type does not name, kept as read.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}
