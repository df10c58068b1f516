using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Server.Views.Admin.OrgDrafts;

/// <summary>A rep being edited: id, name and the goals that override the team's.</summary>
public sealed class RepDraft
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public List<GoalDraft>? Goals { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}
