using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Server.Views.Admin.OrgDrafts;

/// <summary>A team being edited: its time zone, working hours, holidays, default goals and reps.</summary>
public sealed class TeamDraft
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string TimeZone { get; set; } = "UTC";

    public WorkingHoursDraft WorkingHours { get; set; } = new();

    public List<string> Holidays { get; set; } = [];

    public List<GoalDraft> Goals { get; set; } = [];

    public List<RepDraft> Reps { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}
