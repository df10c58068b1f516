using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Security;

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

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(HttpResponse response, OrgEditor editor, CancellationToken cancellationToken)
    {
        if (await editor.GetLatestAsync(cancellationToken) is not { } latest)
        {
            return TypedResults.Problem(detail: "the org has not been stored yet", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting");
        }

        response.Headers.ETag = ETagOf(latest.Revision);
        return TypedResults.Text(OrgEditor.WithRevision(latest), "application/json", Encoding.UTF8);
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> PutAsync(HttpRequest request, HttpResponse response, OrgEditor editor, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxDocumentBytes)
        {
            return TypedResults.Problem(detail: $"an org document may be at most {MaxDocumentBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }

        var text = await ReadBodyAsync(request, cancellationToken);
        if (text is null)
        {
            return TypedResults.Problem(detail: $"an org document may be at most {MaxDocumentBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
        }

        if (OrgEditor.ParseObject(text, out var parseProblem) is not { } document)
        {
            return Invalid([parseProblem!]);
        }

        // The revision the caller edited: If-Match wins over a 'revision' field (which is not part of the document).
        if (!TryExpectedRevision(request, document, out var expected, out var revisionProblem))
        {
            return Invalid(new Dictionary<string, string[]> { [revisionProblem.Key] = [revisionProblem.Message] });
        }

        var who = request.HttpContext.User.Identity?.Name ?? "admin";
        var outcome = await editor.SaveAsync(document, expected, who, cancellationToken);
        switch (outcome.Status)
        {
            case OrgSaveStatus.Invalid:
                return Invalid(outcome.Problems);
            case OrgSaveStatus.Stale:
                return Stale(outcome.Expected, outcome.Latest);
            case OrgSaveStatus.Starting:
                return TypedResults.Problem(detail: "the org has not been stored yet", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting");
        }

        var saved = outcome.Saved!;
        response.Headers.ETag = ETagOf(saved.Revision);
        return TypedResults.Text(OrgEditor.WithRevision(saved), "application/json", Encoding.UTF8);
    }

    private static async Task<Results<Ok<object>, ValidationProblem>> RevisionsAsync(HttpRequest request, OrgEditor editor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var limit = Number(request, "limit", 20, 1, 100, errors);
        var before = request.Query.ContainsKey("before") ? Number(request, "before", 0, 1, long.MaxValue, errors) : (long?)null;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var listed = (await editor.ListAsync((int)limit, before, cancellationToken)).Select(listing => new
        {
            listing.Revision.Revision,
            SavedAt = ContractJson.FormatInstant(listing.Revision.SavedAt),
            listing.Revision.SavedBy,
            listing.Revision.Source,
            Changes = listing.Changes.Select(RuleChangeView).ToList(),
        }).ToList();
        return TypedResults.Ok<object>(listed);
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

    private static ProblemHttpResult Stale(long expected, long latest) => TypedResults.Problem(
        detail: $"the org was changed since revision {expected}: the newest is revision {latest}; read it again and reapply your change",
        statusCode: StatusCodes.Status409Conflict,
        title: "Stale revision",
        extensions: new Dictionary<string, object?> { ["revision"] = latest });

    private static ValidationProblem Invalid(IEnumerable<OrgFileProblem> problems) =>
        Invalid(problems.GroupBy(p => p.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal));

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors, title: "The org document is not valid");

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
