using System.Text.Json;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Ingest;

/// <summary><c>POST /api/activities</c> (contract section 4).</summary>
public static class IngestEndpoints
{
    public static WebApplicationBuilder AddIngest(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ActivityBatchReader>();
        builder.Services.AddSingleton<IngestPipeline>();
        return builder;
    }

    public static WebApplication MapIngest(this WebApplication app)
    {
        app.MapPost("/api/activities", PostAsync)
            .RequireAuthorization(SecurityExtensions.IngestPolicy)
            .WithName("PostActivities")
            .WithSummary("Record one activity or a batch of up to 5,000, all or nothing, idempotent by id.")
            .Accepts<JsonElement>("application/json")
            .Produces<IngestAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<IResult> PostAsync(HttpRequest request, IngestPipeline pipeline, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException e)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"not valid JSON: {e.Message}"] });
        }

        using (document)
        {
            return await pipeline.IngestAsync(document.RootElement, cancellationToken) switch
            {
                IngestOutcome.Recorded r => Results.Json(new IngestAccepted(r.Accepted, r.Duplicates), statusCode: StatusCodes.Status202Accepted),
                IngestOutcome.Invalid i => Results.ValidationProblem(i.Errors, title: "Some activities are invalid; none were recorded."),
                IngestOutcome.TooLarge t => Results.Problem(
                    detail: $"The batch has {t.Count} activities; at most {IngestLimits.MaxBatch} are allowed in one request.",
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Batch too large"),
                _ => throw new InvalidOperationException("Unknown ingest outcome."),
            };
        }
    }
}
