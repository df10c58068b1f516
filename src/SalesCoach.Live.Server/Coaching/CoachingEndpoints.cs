using Microsoft.AspNetCore.Http.HttpResults;
using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Boards;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Coaching;

/// <summary>The coaching queue (contract section 7), live or as of <c>?at=</c>, and acknowledging an item.</summary>
public static class CoachingEndpoints
{
    public static WebApplicationBuilder AddCoaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(CoachingOptions.Settings(builder.Configuration));
        builder.Services.AddSingleton(CoachingOptions.Focus(builder.Configuration));
        builder.Services.AddSingleton<HistoricalCoaching>();
        builder.Services.AddSingleton<CoachingNoteBook>();
        return builder;
    }

    public static WebApplication MapCoaching(this WebApplication app)
    {
        app.MapGet("/api/teams/{teamId}/coaching", GetQueueAsync)
            .RequireAuthorization(SecurityExtensions.ReadPolicy)
            .WithSummary("Reps who need coaching now (or as of ?at=), most urgent first, with reasons.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/teams/{teamId}/coaching/{repId}/acknowledge", AcknowledgeAsync)
            .RequireAuthorization(SecurityExtensions.CoachPolicy)
            .WithSummary("Acknowledge (and optionally snooze) a rep's item: it stays quiet until it gets worse.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetQueueAsync(
        string teamId, string? at, Organization org, IGrainFactory grains, HistoricalCoaching history, CancellationToken cancellationToken)
    {
        if (org.FindTeam(teamId) is not { } team)
        {
            return TypedResults.Problem(detail: $"unknown team '{teamId}'", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (!InstantQuery.TryParse(at, out var instant))
        {
            return InstantQuery.Invalid(at);
        }

        var queue = instant is { } asOf
            ? CoachingQueueItem.Queue(await history.EvaluateAsync(team, asOf, cancellationToken))
            : await grains.GetGrain<ITeamGrain>(team.Id).GetCoachingAsync();
        return TypedResults.Bytes(ContractJson.Serialize(queue), "application/json");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        string teamId, string repId, AcknowledgeRequest? request, Organization org, IGrainFactory grains, TimeProvider clock)
    {
        if (org.FindTeam(teamId) is not { } team || org.FindRep(repId) is not { } rep || rep.TeamId != team.Id)
        {
            return TypedResults.Problem(detail: $"no rep '{repId}' on team '{teamId}'", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (request?.SnoozeMinutes is < 1 or > 7 * 24 * 60)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["snoozeMinutes"] = ["must be a whole number of minutes from 1 to 10080 (a week)"] });
        }

        DateTimeOffset? until = request?.SnoozeMinutes is { } minutes ? clock.GetUtcNow().AddMinutes(minutes) : null;
        if (await grains.GetGrain<ITeamGrain>(team.Id).AcknowledgeAsync(rep.Id, until))
        {
            return TypedResults.NoContent();
        }

        return TypedResults.Problem(detail: $"rep '{repId}' is not in the coaching queue now", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }
}
