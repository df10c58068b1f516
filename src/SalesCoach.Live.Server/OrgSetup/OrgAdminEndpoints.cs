using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Storage.Org;

namespace SalesCoach.Live.Server.OrgSetup;

/// <summary>
/// The admin API of the org (scope <c>admin</c>): read the org document with its revision, replace it (validated as an
/// org file, then against what is already accepted; optimistic concurrency by revision), and list the revisions with
/// the rule changes each made. A saved revision applies on this node at once and on the others within
/// <c>Org:PollSeconds</c>.
/// </summary>
public static class OrgAdminEndpoints
{
    /// <summary>The largest org document taken (a 1,000-rep org is well under 1 MB).</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static WebApplication MapOrgAdmin(this WebApplication app)
    {
        var group = app.MapGroup("/api/admin/org").RequireAuthorization(SecurityExtensions.AdminPolicy).WithTags("Admin");
        group.MapGet("", GetAsync)
            .WithName("GetOrg")
            .WithSummary("The org document (contract section 2) in force, with its revision (also the ETag).")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPut("", PutAsync)
            .WithName("PutOrg")
            .WithSummary("Replace the whole org document; If-Match or a 'revision' field makes it conditional (409 when stale). Applies live.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/revisions", RevisionsAsync)
            .WithName("ListOrgRevisions")
            .WithSummary("Org revisions, newest first, with who saved them, when, and the rule changes each made: ?limit= (20, at most 100), ?before=<revision>.")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> GetAsync(HttpResponse response, IOrgStore store, CancellationToken cancellationToken)
    {
        if (await store.GetLatestAsync(cancellationToken) is not { } latest)
        {
            return Results.Problem(detail: "the org has not been stored yet", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting");
        }

        response.Headers.ETag = ETagOf(latest.Revision);
        return Results.Text(WithRevision(latest), "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> PutAsync(
        HttpRequest request, HttpResponse response, Organization org, IOrgStore store, OrgHistory history, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxDocumentBytes)
        {
            return Results.Problem(detail: $"an org document may be at most {MaxDocumentBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }

        var text = await ReadBodyAsync(request, cancellationToken);
        if (text is null)
        {
            return Results.Problem(detail: $"an org document may be at most {MaxDocumentBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            return Invalid(new Dictionary<string, string[]> { [$"$ (line {e.LineNumber + 1})"] = [$"not valid JSON: {e.Message}"] });
        }

        if (node is not JsonObject document)
        {
            return Invalid(new Dictionary<string, string[]> { ["$"] = ["must be an object with 'metrics' and 'teams'"] });
        }

        // The revision the caller edited: If-Match wins over a 'revision' field (which is not part of the document).
        if (!TryExpectedRevision(request, document, out var expected, out var revisionProblem))
        {
            return Invalid(new Dictionary<string, string[]> { [revisionProblem.Key] = [revisionProblem.Message] });
        }

        document.Remove("revision");
        document.Remove("savedAt");
        document.Remove("savedBy");
        var stored = document.ToJsonString(Indented);
        Organization proposed;
        try
        {
            proposed = OrgFile.Parse(stored, "body");
        }
        catch (OrgFileException e)
        {
            return Invalid(e.Problems);
        }

        var latest = await store.GetLatestAsync(cancellationToken);
        if (latest is null)
        {
            return Results.Problem(detail: "the org has not been stored yet", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting");
        }

        if (expected is { } wanted && wanted != latest.Revision)
        {
            return Stale(wanted, latest.Revision);
        }

        var current = history.Parse(latest);
        var problems = OrgEditRules.Check(current, proposed);
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        var who = request.HttpContext.User.Identity?.Name ?? "admin";
        var saved = await store.SaveAsync(new NewOrgRevision(stored, who, OrgRevisionSources.Edit, latest.FileHash), latest.Revision, cancellationToken);
        if (saved is null)
        {
            return Stale(latest.Revision, await store.GetLatestNumberAsync(cancellationToken));
        }

        org.Apply(history.Parse(saved), saved.Revision);
        var changes = await history.ChangesOfAsync(saved, latest, cancellationToken);
        loggers.CreateLogger(typeof(OrgAdminEndpoints)).LogInformation(
            "Org revision {Revision} saved by {SavedBy} with {Changes} rule changes", saved.Revision, who, changes.Count);
        response.Headers.ETag = ETagOf(saved.Revision);
        return Results.Text(WithRevision(saved), "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> RevisionsAsync(HttpRequest request, IOrgStore store, OrgHistory history, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var limit = Number(request, "limit", 20, 1, 100, errors);
        var before = request.Query.ContainsKey("before") ? Number(request, "before", 0, 1, long.MaxValue, errors) : (long?)null;
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        // One more than asked, so the oldest listed has the revision before it to compare with.
        var revisions = await store.ListAsync((int)limit + 1, before, cancellationToken);
        var listed = new List<object>();
        for (var i = 0; i < Math.Min(revisions.Count, (int)limit); i++)
        {
            var revision = revisions[i];
            var previous = i + 1 < revisions.Count ? revisions[i + 1] : null;
            var changes = await history.ChangesOfAsync(revision, previous, cancellationToken);
            listed.Add(new
            {
                revision.Revision,
                SavedAt = BoardJson.FormatInstant(revision.SavedAt),
                revision.SavedBy,
                revision.Source,
                Changes = changes.Select(RuleChangeView).ToList(),
            });
        }

        return Results.Ok(listed);
    }

    /// <summary>A rule change as the revision list and the audit write it.</summary>
    public static object RuleChangeView(RuleChange change) => new
    {
        change.Kind,
        change.TeamId,
        change.RepId,
        change.Metric,
        change.Before,
        change.After,
        change.Text,
    };

    private static bool TryExpectedRevision(HttpRequest request, JsonObject document, out long? expected, out (string Key, string Message) problem)
    {
        expected = null;
        problem = default;
        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != "*")
        {
            var tag = ifMatch.Trim();
            tag = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
            if (long.TryParse(tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var fromHeader) && fromHeader > 0)
            {
                expected = fromHeader;
                return true;
            }

            problem = ("If-Match", "must be the ETag of GET /api/admin/org, such as \"3\"");
            return false;
        }

        if (document["revision"] is { } field)
        {
            if (field is JsonValue value && value.TryGetValue<long>(out var fromBody) && fromBody > 0)
            {
                expected = fromBody;
                return true;
            }

            problem = ("$.revision", "must be the whole number of the revision you edited");
            return false;
        }

        return true;
    }

    private static IResult Stale(long expected, long latest) => Results.Problem(
        detail: $"the org was changed since revision {expected}: the newest is revision {latest}; read it again and reapply your change",
        statusCode: StatusCodes.Status409Conflict,
        title: "Stale revision",
        extensions: new Dictionary<string, object?> { ["revision"] = latest });

    private static IResult Invalid(IEnumerable<OrgFileProblem> problems) =>
        Invalid(problems.GroupBy(p => p.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal));

    private static IResult Invalid(Dictionary<string, string[]> errors) => Results.ValidationProblem(errors, title: "The org document is not valid");

    private static string WithRevision(OrgRevision revision)
    {
        var node = JsonNode.Parse(revision.Document, documentOptions: DocumentOptions)!.AsObject();
        node["revision"] = revision.Revision;
        node["savedAt"] = BoardJson.FormatInstant(revision.SavedAt);
        node["savedBy"] = revision.SavedBy;
        return node.ToJsonString(Indented);
    }

    private static string ETagOf(long revision) => new EntityTagHeaderValue($"\"{revision.ToString(CultureInfo.InvariantCulture)}\"").ToString();

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxDocumentBytes)
            {
                return null;
            }
        }

        return text.ToString();
    }

    private static long Number(HttpRequest request, string name, long fallback, long min, long max, Dictionary<string, string[]> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"must be a whole number from {min} to {max}"];
        return fallback;
    }
}
