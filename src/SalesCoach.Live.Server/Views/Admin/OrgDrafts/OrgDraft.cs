using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Views.Admin.OrgDrafts;

/// <summary>
/// The org file as the <c>/admin/org</c> page edits it: plain mutable fields, read from and written back to a typed
/// <see cref="OrgDocument"/> (<see cref="OrgFile.ReadDocument"/>, <see cref="OrgFile.WriteDocument"/>). Fields the page
/// does not show are kept as they were. It checks nothing itself: the save validates.
/// </summary>
public sealed class OrgDraft
{
    public List<MetricDraft> Metrics { get; set; } = [];

    public List<TeamDraft> Teams { get; set; } = [];

    /// <summary>The document as read, whose fields the page does not show are written back unchanged.</summary>
    private OrgDocument Origin { get; init; } = new();

    /// <summary>The draft of org JSON (a revision's own fields are dropped).</summary>
    /// <exception cref="System.Text.Json.JsonException">The text is not JSON, or a value does not fit the form.</exception>
    public static OrgDraft Read(string document) => From(OrgFile.ReadDocument(document));

    /// <summary>The draft of a document (a revision's own fields are dropped).</summary>
    public static OrgDraft From(OrgDocument document)
    {
        var origin = document.Without(OrgSetup.OrgEditor.RevisionFields);
        return new OrgDraft
        {
            Origin = origin,
            Metrics = [.. origin.Metrics.Select(MetricDraft.From)],
            Teams = [.. origin.Teams.Select(TeamDraft.From)],
        };
    }

    /// <summary>The draft as an org document.</summary>
    public OrgDocument ToDocument() => Origin with
    {
        Metrics = [.. Metrics.Select(m => m.ToDocument())],
        Teams = [.. Teams.Select(t => t.ToDocument())],
    };

    /// <summary>The draft as indented org JSON.</summary>
    public string ToJson() => OrgFile.WriteDocument(ToDocument());
}
