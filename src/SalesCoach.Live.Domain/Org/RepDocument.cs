using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Domain.Org;

/// <summary>A rep of the org file: id, name, e-mail (null: none), and the goals that replace the team's (null: none of its own).</summary>
public sealed record RepDocument
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public IReadOnlyList<GoalDocument>? Goals { get; init; }

    /// <summary>
    /// The rep's e-mail, how connectors match a vendor user to the rep (null: none). Declared after the goals, so a
    /// document written before the property was typed (when it was kept as an unknown property) is written the same.
    /// </summary>
    public string? Email { get; init; }

    /// <summary>Properties the type does not name, kept as read.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}
