using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Org;

namespace SalesCoach.Live.Server.OrgSetup;

/// <summary>
/// Reads and replaces the org at run time, for the admin API and the <c>/admin/org</c> page alike: a new document is
/// validated as an org file, then against the org in force (<see cref="OrgEditRules"/>), saved with optimistic
/// concurrency on the revision it was based on, and applied on this node at once (the others follow within
/// <c>Org:PollSeconds</c>).
/// </summary>
public sealed class OrgEditor(Organization org, IOrgStore store, OrgHistory history, ILogger<OrgEditor> logger)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The fields a read document carries beside the org file itself; a save ignores them.</summary>
    public static readonly IReadOnlyList<string> RevisionFields = ["revision", "savedAt", "savedBy"];

    /// <summary>The newest stored revision, or null while nothing is stored yet.</summary>
    public Task<OrgRevision?> GetLatestAsync(CancellationToken cancellationToken = default) => store.GetLatestAsync(cancellationToken);

    /// <summary>Reads org JSON text into an object, or the problem that stops it (comments and trailing commas allowed).</summary>
    public static JsonObject? ParseObject(string text, out OrgFileProblem? problem)
    {
        problem = null;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            problem = new OrgFileProblem($"$ (line {e.LineNumber + 1})", $"not valid JSON: {e.Message}");
            return null;
        }

        if (node is not JsonObject document)
        {
            problem = new OrgFileProblem("$", "must be an object with 'metrics' and 'teams'");
            return null;
        }

        return document;
    }

    /// <summary>The problem that stops org JSON text from being read as an object, or null when it reads.</summary>
    public static OrgFileProblem? Check(string text)
    {
        ParseObject(text, out var problem);
        return problem;
    }

    /// <summary>Saves org JSON text edited from revision <paramref name="basedOn"/>; text that is not an object is invalid.</summary>
    public Task<OrgSaveOutcome> SaveTextAsync(string text, long? basedOn, string savedBy, CancellationToken cancellationToken = default) =>
        ParseObject(text, out var problem) is { } document
            ? SaveAsync(document, basedOn, savedBy, cancellationToken)
            : Task.FromResult(OrgSaveOutcome.Invalid([problem!]));

    /// <summary>Saves a typed org document (as <see cref="OrgFile.WriteDocument"/> writes it) edited from revision <paramref name="basedOn"/>.</summary>
    public Task<OrgSaveOutcome> SaveAsync(OrgDocument document, long? basedOn, string savedBy, CancellationToken cancellationToken = default) =>
        SaveTextAsync(OrgFile.WriteDocument(document), basedOn, savedBy, cancellationToken);

    /// <summary>Saves a whole org document edited from revision <paramref name="basedOn"/> (null: whatever is newest).</summary>
    public async Task<OrgSaveOutcome> SaveAsync(JsonObject document, long? basedOn, string savedBy, CancellationToken cancellationToken = default)
    {
        var copy = document.DeepClone().AsObject();
        foreach (var field in RevisionFields)
        {
            copy.Remove(field);
        }

        var stored = copy.ToJsonString(Indented);
        Organization proposed;
        try
        {
            proposed = OrgFile.Parse(stored, "body");
        }
        catch (OrgFileException e)
        {
            return OrgSaveOutcome.Invalid(e.Problems.ToList());
        }

        if (await store.GetLatestAsync(cancellationToken) is not { } latest)
        {
            return new OrgSaveOutcome(OrgSaveStatus.Starting, null, [], 0, 0);
        }

        if (basedOn is { } wanted && wanted != latest.Revision)
        {
            return new OrgSaveOutcome(OrgSaveStatus.Stale, null, [], wanted, latest.Revision);
        }

        var problems = OrgEditRules.Check(history.Parse(latest), proposed);
        if (problems.Count > 0)
        {
            return OrgSaveOutcome.Invalid(problems.ToList());
        }

        var saved = await store.SaveAsync(new NewOrgRevision(stored, savedBy, OrgRevisionSources.Edit, latest.FileHash), latest.Revision, cancellationToken);
        if (saved is null)
        {
            return new OrgSaveOutcome(OrgSaveStatus.Stale, null, [], latest.Revision, await store.GetLatestNumberAsync(cancellationToken));
        }

        org.Apply(history.Parse(saved), saved.Revision);
        var changes = await history.ChangesOfAsync(saved, latest, cancellationToken);
        logger.LogInformation("Org revision {Revision} saved by {SavedBy} with {Changes} rule changes", saved.Revision, savedBy, changes.Count);
        return new OrgSaveOutcome(OrgSaveStatus.Saved, saved, [], latest.Revision, saved.Revision);
    }

    /// <summary>Revisions newest first (at most <paramref name="limit"/>, older than <paramref name="before"/>), each with its rule changes.</summary>
    public async Task<IReadOnlyList<OrgRevisionListing>> ListAsync(int limit, long? before = null, CancellationToken cancellationToken = default)
    {
        // One more than asked, so the oldest listed has the revision before it to compare with.
        var revisions = await store.ListAsync(limit + 1, before, cancellationToken);
        var listed = new List<OrgRevisionListing>();
        for (var i = 0; i < Math.Min(revisions.Count, limit); i++)
        {
            var previous = i + 1 < revisions.Count ? revisions[i + 1] : null;
            listed.Add(new OrgRevisionListing(revisions[i], await history.ChangesOfAsync(revisions[i], previous, cancellationToken)));
        }

        return listed;
    }

    /// <summary>The document of a revision with its revision, save time and author added, indented.</summary>
    public static string WithRevision(OrgRevision revision)
    {
        var node = JsonNode.Parse(revision.Document, documentOptions: DocumentOptions)!.AsObject();
        node["revision"] = revision.Revision;
        node["savedAt"] = Abstractions.Json.ContractJson.FormatInstant(revision.SavedAt);
        node["savedBy"] = revision.SavedBy;
        return node.ToJsonString(Indented);
    }
}
