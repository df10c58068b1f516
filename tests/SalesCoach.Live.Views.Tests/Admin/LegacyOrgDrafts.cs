using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Views.Tests.Admin;

// The org drafts as they were before they read a typed OrgDocument (JSON extension data on each class), kept here
// only so that OrgDraftTests can show the new drafts write the very same JSON.

/// <summary>A goal being edited: a target for a metric over a period (team default or rep override).</summary>
internal sealed class LegacyGoalDraft
{
    public string Metric { get; set; } = "";

    public string Period { get; set; } = "day";

    public double Target { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary>A metric being edited: key, name, points, and whether it celebrates, is an outcome of another, has a value.</summary>
internal sealed class LegacyMetricDraft
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

/// <summary>A rep being edited: id, name and the goals that override the team's.</summary>
internal sealed class LegacyRepDraft
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public List<LegacyGoalDraft>? Goals { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary>A team being edited: its time zone, working hours, holidays, default goals and reps.</summary>
internal sealed class LegacyTeamDraft
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string TimeZone { get; set; } = "UTC";

    public LegacyWorkingHoursDraft WorkingHours { get; set; } = new();

    public List<string> Holidays { get; set; } = [];

    public List<LegacyGoalDraft> Goals { get; set; } = [];

    public List<LegacyRepDraft> Reps { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary>A team's working days (<c>Mon</c>…<c>Sun</c>) and its day's start and end (<c>HH:mm</c>, local time).</summary>
internal sealed class LegacyWorkingHoursDraft
{
    /// <summary>The day names the org file uses, in week order.</summary>
    public static readonly IReadOnlyList<string> DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public List<string> Days { get; set; } = ["Mon", "Tue", "Wed", "Thu", "Fri"];

    public string Start { get; set; } = "09:00";

    public string End { get; set; } = "17:00";

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary>
/// The org file as the <c>/admin/org</c> page edits it: plain mutable fields, read from and written back to the org
/// JSON. Fields the page does not show are kept as they were. It checks nothing itself: the save validates.
/// </summary>
internal sealed class LegacyOrgDraft
{
    /// <summary>How drafts read and write the org file (camelCase, null fields left out).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    public List<LegacyMetricDraft> Metrics { get; set; } = [];

    public List<LegacyTeamDraft> Teams { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }

    /// <summary>The draft of an org document (its revision fields are dropped).</summary>
    public static LegacyOrgDraft Read(string document)
    {
        var draft = JsonSerializer.Deserialize<LegacyOrgDraft>(document, Json) ?? new LegacyOrgDraft();
        foreach (var field in SalesCoach.Live.Server.OrgSetup.OrgEditor.RevisionFields)
        {
            draft.Other?.Remove(field);
        }

        return draft;
    }

    /// <summary>The draft as an org document.</summary>
    public JsonObject ToDocument()
    {
        foreach (var rep in Teams.SelectMany(t => t.Reps).Where(r => r.Goals is { Count: 0 }))
        {
            rep.Goals = null;
        }

        return JsonSerializer.SerializeToNode(this, Json)!.AsObject();
    }

    /// <summary>The draft as indented org JSON.</summary>
    public string ToJson() => ToDocument().ToJsonString(Json);
}
