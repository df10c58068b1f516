using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Server.Views.Admin.OrgDrafts;

/// <summary>A metric being edited: key, name, points, and whether it celebrates, is an outcome of another, has a value.</summary>
public sealed class MetricDraft
{
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public int Points { get; set; }

    public string? OutcomeOf { get; set; }

    public bool Celebrate { get; set; }

    public bool HasValue { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}
