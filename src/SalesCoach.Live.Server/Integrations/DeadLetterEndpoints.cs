using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Storage.DeadLetters;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// The admin API of the dead-letter table (scope <c>admin</c>): list and read dead letters, replay one or all of a
/// source with the mappings in force now, forget one; and <c>GET /api/webhooks/sources</c> shows the mappings in force.
/// </summary>
public static class DeadLetterEndpoints
{
    /// <summary>The most dead letters one replay-all call tries (<c>?limit=</c> may ask for fewer).</summary>
    public const int MaxReplayAll = 10_000;

    public static WebApplication MapDeadLetters(this WebApplication app)
    {
        var group = app.MapGroup("/api/webhooks").RequireAuthorization(SecurityExtensions.AdminPolicy);
        group.MapGet("/dead-letters", ListAsync)
            .WithName("ListDeadLetters")
            .WithSummary("Dead letters, newest first: ?source=, ?status=open|replayed|all (open), ?limit= (100, at most 1000), ?before=<id>.")
            .Produces<DeadLetterPage>()
            .ProducesValidationProblem();
        group.MapGet("/dead-letters/{id:long}", FindAsync)
            .WithName("GetDeadLetter")
            .Produces<DeadLetterView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/dead-letters/{id:long}", DeleteAsync)
            .WithName("DeleteDeadLetter")
            .WithSummary("Forget a dead letter without replaying it.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/dead-letters/{id:long}/replay", ReplayAsync)
            .WithName("ReplayDeadLetter")
            .WithSummary("Map the dead letter again with the mappings in force now and send it through ingest; idempotent by activity id.")
            .Produces<ReplayResult>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/dead-letters/replay", ReplayAllAsync)
            .WithName("ReplayDeadLetters")
            .WithSummary("Replay every open dead letter of ?source=, oldest first (?limit=, 1000 by default).")
            .Produces<ReplayAllResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/sources", (WebhookMappings mappings) => TypedResults.Ok(mappings.Current.Sources.Values.OrderBy(s => s.Name, StringComparer.Ordinal).Select(SourceView).ToList()))
            .WithName("ListWebhookSources")
            .WithSummary("The webhook sources and their mappings in force (built-in ones with the configuration over them); secrets are not shown.");
        return app;
    }

    private static async Task<Results<Ok<DeadLetterPage>, ValidationProblem>> ListAsync(HttpRequest request, IDeadLetterStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var status = DeadLetterStatus.Open;
        if (request.Query["status"].ToString() is { Length: > 0 } statusText && !Enum.TryParse(statusText, ignoreCase: true, out status))
        {
            errors["status"] = [$"'{statusText}' is not one of open, replayed, all"];
        }

        var limit = ReadNumber(request, "limit", 100, 1, DeadLetterQuery.MaxLimit, errors);
        var before = request.Query.ContainsKey("before") ? ReadNumber(request, "before", 0, 1, long.MaxValue, errors) : (long?)null;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var source = request.Query["source"].ToString() is { Length: > 0 } s ? s : null;
        var letters = await store.ListAsync(new DeadLetterQuery { Source = source, Status = status, Limit = (int)limit, BeforeId = before }, cancellationToken);
        var next = letters.Count == limit ? letters[^1].Id : (long?)null;
        return TypedResults.Ok(new DeadLetterPage(letters.Select(DeadLetterView.From).ToList(), next));
    }

    private static async Task<Results<Ok<DeadLetterView>, ProblemHttpResult>> FindAsync(long id, IDeadLetterStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } letter ? TypedResults.Ok(DeadLetterView.From(letter)) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, IDeadLetterStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<Results<Ok<ReplayResult>, ProblemHttpResult>> ReplayAsync(long id, HttpContext http, IDeadLetterStore store, WebhookIngest ingest, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } letter)
        {
            return NotFound(id);
        }

        return await ingest.ReplayAsync(letter, cancellationToken) switch
        {
            WebhookOutcome.Processed { Summary: { DeadLettered: 0 } s } => TypedResults.Ok(new ReplayResult(id, "replayed", s.Events, s.Accepted, s.Duplicates, s.Filtered)),
            // A validation problem with 422 (TypedResults.ValidationProblem is 400 only): the same body as a 400 one.
            WebhookOutcome.Processed p => TypedResults.Problem(ValidationProblemDetails(
                p.Summary.Errors,
                detail: $"Dead letter {id} stays open: {p.Summary.DeadLettered} of {p.Summary.Events} events still cannot be taken with the mapping of source '{letter.Source}'.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The dead letter still cannot be taken.",
                extensions: WebhookAccepted.Extensions(p.Summary))),
            WebhookOutcome.SourceMissing m => SourceMissing(m.Source),
            WebhookOutcome.StoreUnavailable u => WebhookEndpoints.StoreUnavailable(http, u.RetryAfter),
            _ => throw new InvalidOperationException("Unknown webhook outcome."),
        };
    }

    private static async Task<Results<Ok<ReplayAllResult>, ValidationProblem, ProblemHttpResult>> ReplayAllAsync(
        HttpContext http, WebhookMappings mappings, IDeadLetterStore store, WebhookIngest ingest, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var source = http.Request.Query["source"].ToString();
        if (source.Length == 0)
        {
            errors["source"] = ["is required: the source whose dead letters to replay, as in ?source=dialer"];
        }

        var limit = ReadNumber(http.Request, "limit", 1000, 1, MaxReplayAll, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (mappings.Current.Find(source) is not { } mapping)
        {
            return SourceMissing(source);
        }

        int tried = 0, replayed = 0, accepted = 0, duplicates = 0, filtered = 0;
        var failures = new List<ReplayFailure>();
        long after = 0;
        var more = false;
        while (!more)
        {
            var page = await store.ListAsync(
                new DeadLetterQuery { Source = mapping.Name, Status = DeadLetterStatus.Open, AfterId = after, OldestFirst = true, Limit = 100 },
                cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var letter in page)
            {
                if (tried == limit)
                {
                    more = true;
                    break;
                }

                tried++;
                after = letter.Id;
                switch (await ingest.ReplayAsync(letter, cancellationToken))
                {
                    case WebhookOutcome.Processed p:
                        accepted += p.Summary.Accepted;
                        duplicates += p.Summary.Duplicates;
                        filtered += p.Summary.Filtered;
                        if (p.Summary.DeadLettered == 0)
                        {
                            replayed++;
                        }
                        else
                        {
                            var first = p.Summary.Errors.FirstOrDefault();
                            failures.Add(new ReplayFailure(letter.Id, first.Key is null ? "still cannot be taken" : $"{first.Key}: {first.Value[0]}"));
                        }

                        break;
                    case WebhookOutcome.StoreUnavailable u:
                        return WebhookEndpoints.StoreUnavailable(http, u.RetryAfter);
                    default:
                        return SourceMissing(source);
                }
            }
        }

        return TypedResults.Ok(new ReplayAllResult(mapping.Name, tried, replayed, tried - replayed, accepted, duplicates, filtered, more, failures));
    }

    private static long ReadNumber(HttpRequest request, string name, long fallback, long min, long max, Dictionary<string, string[]> errors)
    {
        if (request.Query[name].ToString() is not { Length: > 0 } text)
        {
            return fallback;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"'{text}' is not a whole number from {min} to {max}"];
        return fallback;
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(detail: $"There is no dead letter {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static ProblemHttpResult SourceMissing(string source) =>
        TypedResults.Problem(
            detail: $"The webhook source '{source}' is not configured or is disabled: configure Webhooks:Sources:{source} first, then replay.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Unknown webhook source");

    /// <summary>What <c>Results.ValidationProblem</c> builds for a status other than 400.</summary>
    internal static HttpValidationProblemDetails ValidationProblemDetails(
        IDictionary<string, string[]> errors, string detail, int statusCode, string title, IDictionary<string, object?> extensions)
    {
        var problem = new HttpValidationProblemDetails(errors) { Detail = detail, Status = statusCode, Title = title };
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    private static object SourceView(SourceMapping source) => new
    {
        name = source.Name,
        enabled = source.Enabled,
        signed = source.Secret is not null,
        signatureHeader = source.SignatureHeader,
        events = source.Events?.Text,
        idPrefix = source.IdPrefix,
        fields = source.Fields.Values.ToDictionary(
            f => f.Field,
            f => new { path = f.Path?.Text, value = f.Value, @default = f.Default, map = f.Map, format = f.Field == "occurredAt" ? f.Format.ToString() : null }),
        filters = source.Filters.Select(f => new
        {
            name = f.Name,
            path = f.Path.Text,
            forType = f.ForType,
            equals = f.EqualTo,
            notEquals = f.NotEqualTo,
            @in = f.In?.Order(StringComparer.Ordinal),
            notIn = f.NotIn?.Order(StringComparer.Ordinal),
            exists = f.Exists,
        }),
        repAliases = source.RepAliases.Count,
    };
}
