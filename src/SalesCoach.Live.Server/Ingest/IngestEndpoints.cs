using System.Globalization;
using System.Threading.RateLimiting;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCoach.Live.Server.Hosting;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Ingest;

/// <summary>
/// <c>POST /api/activities</c> (contract section 4): the HTTP edge of ingest. The body is parsed once and read into
/// typed activities by <see cref="ActivityJsonReader"/>; <see cref="IngestPipeline"/> checks and records them.
/// </summary>
public static class IngestEndpoints
{
    public static WebApplicationBuilder AddIngest(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ActivityRules>();
        builder.Services.AddSingleton<IngestPipeline>();

        // A full batch of 5,000 activities is about 1.5 MB; anything far beyond is not a batch.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = IngestLimits.MaxBodyBytes);
        builder.Services.AddRateLimiter(o =>
        {
            var requestsPerSecond = builder.Configuration.GetValue("RateLimits:Ingest:RequestsPerSecond", 200);
            var burst = builder.Configuration.GetValue("RateLimits:Ingest:Burst", 400);
            o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = requestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    detail: $"Too many requests for this API key: at most {requestsPerSecond} a second (bursts of {burst}). Retry after {retryAfter.TotalSeconds:0} s.",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Rate limit").ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    public static WebApplication MapIngest(this WebApplication app)
    {
        app.MapPost("/api/activities", PostAsync)
            .RequireAuthorization(SecurityExtensions.IngestPolicy)
            .RequireRateLimiting(RateLimitPolicy)
            .WithName("PostActivities")
            .WithSummary("Record one activity or a batch of up to 5,000, all or nothing, idempotent by id.")
            .Accepts<JsonElement>("application/json")
            .Produces<IngestAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapDelete("/api/activities/{id}", VoidAsync)
            .RequireAuthorization(SecurityExtensions.IngestPolicy)
            .RequireRateLimiting(RateLimitPolicy)
            .WithName("VoidActivity")
            .WithSummary("Void (correct) an activity: boards recompute; the log keeps the activity and its void.")
            .Produces<VoidAnswer>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<VoidAnswer>, ProblemHttpResult>> VoidAsync(
        string id, HttpContext http, IngestPipeline pipeline, CancellationToken cancellationToken) =>
        await pipeline.VoidAsync(id, cancellationToken) switch
        {
            VoidOutcome.Voided => TypedResults.Ok(new VoidAnswer(id, IngestPipeline.VoidPrefix + id, AlreadyVoided: false)),
            VoidOutcome.AlreadyVoided => TypedResults.Ok(new VoidAnswer(id, IngestPipeline.VoidPrefix + id, AlreadyVoided: true)),
            VoidOutcome.NotFound => TypedResults.Problem(detail: $"no activity with id '{id}'", statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            VoidOutcome.NotVoidable => TypedResults.Problem(detail: "a correction cannot be voided", statusCode: StatusCodes.Status400BadRequest, title: "Not voidable"),
            _ => StoreUnavailable(http, IngestPipeline.RetryAfter),
        };

    /// <summary>The rate-limiting policy of ingest: a token bucket per API key.</summary>
    public const string RateLimitPolicy = "ingest";

    private static ProblemHttpResult StoreUnavailable(HttpContext http, TimeSpan retryAfter) =>
        StoreUnavailableProblem.Create(http, retryAfter, "The store is not answering right now; nothing was recorded. Retry the same batch (ids make it safe).");

    private static async Task<Results<Accepted<IngestAccepted>, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpRequest request, IngestPipeline pipeline, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"not valid JSON: {e.Message}"] });
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits (a body over the size limit, a client that stalls): its status code, as a problem.
            return TypedResults.Problem(detail: e.Message, statusCode: e.StatusCode, title: "Bad request body");
        }

        IncomingBatch batch;
        using (document)
        {
            // The one conversion of this edge: JSON to typed activities (the document is not needed after it).
            batch = ActivityJsonReader.Read(document.RootElement);
        }

        return await pipeline.IngestAsync(batch, cancellationToken) switch
        {
            IngestOutcome.Recorded r => TypedResults.Accepted((string?)null, new IngestAccepted(r.Accepted, r.Duplicates)),
            IngestOutcome.Invalid i => TypedResults.ValidationProblem(i.Errors.ToDictionary(), title: "Some activities are invalid; none were recorded."),
            IngestOutcome.StoreUnavailable u => StoreUnavailable(request.HttpContext, u.RetryAfter),
            IngestOutcome.TooLarge t => TypedResults.Problem(
                detail: $"The batch has {t.Count} activities; at most {IngestLimits.MaxBatch} are allowed in one request.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Batch too large"),
            _ => throw new InvalidOperationException("Unknown ingest outcome."),
        };
    }
}
