using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.Server.Views.Admin.OrgDrafts;

/// <summary>
/// The org file as the <c>/admin/org</c> page edits it: plain mutable fields, read from and written back to the org
/// JSON. Fields the page does not show are kept as they were. It checks nothing itself: the save validates.
/// </summary>
public sealed class OrgDraft
{
    /// <summary>How drafts read and write the org file (camelCase, null fields left out).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    public List<MetricDraft> Metrics { get; set; } = [];

    public List<TeamDraft> Teams { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }

    /// <summary>The draft of an org document (its revision fields are dropped).</summary>
    public static OrgDraft Read(string document)
    {
        var draft = JsonSerializer.Deserialize<OrgDraft>(document, Json) ?? new OrgDraft();
        foreach (var field in OrgSetup.OrgEditor.RevisionFields)
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
