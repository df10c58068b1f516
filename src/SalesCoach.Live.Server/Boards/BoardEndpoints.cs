using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Boards;

/// <summary>The reads of contract section 5: teams, a team's board and a rep's pace, now or as of <c>?at=</c>.</summary>
public static class BoardEndpoints
{
    /// <summary>Historical boards carry version 0: they are not part of the live sequence.</summary>
    public const long HistoricalVersion = 0;

    public static WebApplicationBuilder AddBoards(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HistoricalBoards>();
        return builder;
    }

    public static WebApplication MapBoards(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(SecurityExtensions.ReadPolicy);
        api.MapGet("/teams", (Organization org) =>
                org.Teams.Select(t => new TeamSummary(t.Id, t.Name, t.Calendar.Zone.Id, t.Reps.Count)))
            .WithSummary("The teams.");
        api.MapGet("/teams/{teamId}/board", GetBoardAsync)
            .WithSummary("A team's board now, or as of ?at= (ISO-8601 with offset).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/reps/{repId}/pace", GetPaceAsync)
            .WithSummary("A rep's pace now, or as of ?at=.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetBoardAsync(
        string teamId, string? at, Organization org, IGrainFactory grains, HistoricalBoards history, CancellationToken cancellationToken)
    {
        if (org.FindTeam(teamId) is not { } team)
        {
            return NotFound($"unknown team '{teamId}'");
        }

        if (!InstantQuery.TryParse(at, out var instant))
        {
            return InstantQuery.Invalid(at);
        }

        if (instant is { } asOf)
        {
            var board = await history.BuildAsync(team, asOf, cancellationToken);
            return TypedResults.Bytes(ContractJson.Serialize(BoardSnapshot.From(board, HistoricalVersion)), "application/json");
        }

        var snapshot = await grains.GetGrain<ITeamGrain>(team.Id).GetSnapshotAsync();
        return TypedResults.Bytes(ContractJson.Serialize(snapshot), "application/json");
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetPaceAsync(
        string repId, string? at, Organization org, IGrainFactory grains, HistoricalBoards history, CancellationToken cancellationToken)
    {
        if (org.FindRep(repId) is not { } rep)
        {
            return NotFound($"unknown rep '{repId}'");
        }

        if (!InstantQuery.TryParse(at, out var instant))
        {
            return InstantQuery.Invalid(at);
        }

        var team = org.TeamOf(rep);
        RepRow? found;
        if (instant is { } asOf)
        {
            var board = await history.BuildAsync(team, asOf, cancellationToken);
            found = RepRow.From(board.Reps.Single(r => r.RepId == rep.Id));
        }
        else
        {
            found = await grains.GetGrain<ITeamGrain>(team.Id).GetRowAsync(rep.Id);
        }

        // The pace answer has been written through JsonNode (default escaping) since contract v1: kept byte for byte.
        var row = JsonNode.Parse(ContractJson.Serialize(found!))!.AsObject();
        var pace = new JsonObject
        {
            ["repId"] = rep.Id,
            ["teamId"] = team.Id,
            ["name"] = rep.Name,
            ["rank"] = row["rank"]?.DeepClone(),
            ["score"] = row["score"]?.DeepClone(),
            ["metrics"] = row["metrics"]?.DeepClone(),
        };
        return TypedResults.Text(pace.ToJsonString(), "application/json");
    }

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
