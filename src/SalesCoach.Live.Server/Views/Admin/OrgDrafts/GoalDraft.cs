using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Server.Views.Admin.OrgDrafts;

/// <summary>A goal being edited: a target for a metric over a period (team default or rep override).</summary>
public sealed class GoalDraft
{
    public string Metric { get; set; } = "";

    public string Period { get; set; } = "day";

    public double Target { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}
