using Microsoft.AspNetCore.Http.HttpResults;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Gamification;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Gamification;

/// <summary>Scorecards (leaderboards by points, attainment or metric), badges, the moments feed and competitions.</summary>
public static class GamificationEndpoints
{
    /// <summary>
    /// The <c>Gamification</c> settings (attainment cap and weights, hot hand, badge table), read and checked now, so that a
    /// bad setting stops start-up with a message naming the key.
    /// </summary>
    public static WebApplicationBuilder AddGamification(this WebApplicationBuilder builder)
    {
        // The org is registered as an instance by AddOrg (before this); its metrics check the metric keys of the settings.
        var org = builder.Services.LastOrDefault(s => s.ServiceType == typeof(Organization))?.ImplementationInstance as Organization;
        builder.Services.AddSingleton(GamificationOptions.Read(builder.Configuration, org));
        builder.Services.AddSingleton<CompetitionDesk>();
        return builder;
    }

    public static WebApplication MapGamification(this WebApplication app)
    {
        var read = app.MapGroup("/api").RequireAuthorization(SecurityExtensions.ReadPolicy);
        read.MapGet("/teams/{teamId}/scorecard", ScorecardAsync)
            .WithSummary("A team's leaderboard for ?period=day|week|month|quarter, ?by=points|attainment|{metric}.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/scorecard/teams", TeamsAsync)
            .WithSummary("Team-vs-team: every team's figure per rep, for ?period= and ?by=.")
            .ProducesValidationProblem();
        read.MapGet("/reps/{repId}/badges", BadgesAsync)
            .WithSummary("A rep's badges and current streak.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/teams/{teamId}/moments", MomentsAsync)
            .WithSummary("Today's moments of a team (badges, new leader, goals hit, deals, competitions won).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/teams/{teamId}/competitions", CompetitionsAsync)
            .WithSummary("The contests a team hosts, newest end first, each with its status.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/competitions/{id}", CompetitionAsync)
            .WithSummary("A competition with its live standings.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/competitions", CreateCompetitionAsync)
            .RequireAuthorization(SecurityExtensions.CoachPolicy)
            .WithSummary("Create a time-boxed competition (managers).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapPatch("/api/competitions/{id}", ChangeCompetitionAsync)
            .RequireAuthorization(SecurityExtensions.CoachPolicy)
            .WithSummary("Change a running competition's name, end, first-to target or handicaps; the change is logged with who made it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ScorecardAsync(string teamId, string? period, string? by, Organization org, IActivityLog log, GamificationSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (org.FindTeam(teamId) is not { } team)
        {
            return NotFound($"unknown team '{teamId}'");
        }

        if (ParseQuery(org, period, by) is { } invalid)
        {
            return invalid;
        }

        var card = await BuildAsync(org, log, team, Period(period), by ?? "points", clock.GetUtcNow(), settings.Attainment, cancellationToken);
        return TypedResults.Bytes(ContractJson.Serialize(TeamScorecard.Of(card, by ?? "points")), "application/json");
    }

    private static async Task<Results<Ok<object>, ValidationProblem>> TeamsAsync(string? period, string? by, Organization org, IActivityLog log, GamificationSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (ParseQuery(org, period, by) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        var cards = new List<Scorecard>();
        foreach (var team in org.Teams)
        {
            cards.Add(await BuildAsync(org, log, team, Period(period), by ?? "points", now, settings.Attainment, cancellationToken));
        }

        var standings = Leaderboard.CompareTeams(cards);
        return TypedResults.Ok<object>(new
        {
            Period = Period(period).ToName(),
            By = by ?? "points",
            Teams = standings.Select(s => new { s.TeamId, s.Name, s.Rank, s.RepCount, Total = Math.Round(s.Total, 4), PerRep = Math.Round(s.PerRep, 4) }),
        });
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BadgesAsync(string repId, Organization org, IGrainFactory grains)
    {
        if (org.FindRep(repId) is not { } rep)
        {
            return NotFound($"unknown rep '{repId}'");
        }

        return TypedResults.Bytes(ContractJson.Serialize(await grains.GetGrain<ITeamGamificationGrain>(rep.TeamId).GetRepBadgesAsync(rep.Id)), "application/json");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> MomentsAsync(string teamId, Organization org, IGrainFactory grains)
    {
        if (org.FindTeam(teamId) is not { } team)
        {
            return NotFound($"unknown team '{teamId}'");
        }

        return TypedResults.Bytes(ContractJson.Serialize(await grains.GetGrain<ITeamGamificationGrain>(team.Id).GetMomentsAsync()), "application/json");
    }

    private static async Task<Results<Ok<object>, ProblemHttpResult>> CompetitionsAsync(string teamId, Organization org, IGrainFactory grains, TimeProvider clock)
    {
        if (org.FindTeam(teamId) is not { } team)
        {
            return NotFound($"unknown team '{teamId}'");
        }

        var now = clock.GetUtcNow();
        var listings = await grains.GetGrain<ICompetitionDirectoryGrain>(team.Id).ListAsync();
        return TypedResults.Ok<object>(listings.Select(l => new
        {
            l.Id,
            l.Name,
            Start = ContractJson.FormatInstant(team.Calendar.ToLocal(l.Start)),
            End = ContractJson.FormatInstant(team.Calendar.ToLocal(l.End)),
            Status = now < l.Start ? "upcoming" : now < l.End ? "running" : "ended",
        }));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CompetitionAsync(string id, CompetitionDesk desk)
    {
        if (await desk.FindAsync(id) is not { } contest)
        {
            return NotFound($"unknown competition '{id}'");
        }

        return TypedResults.Bytes(ContractJson.Serialize(contest), "application/json");
    }

    private static async Task<Results<Created<System.Text.Json.JsonElement>, ValidationProblem, ProblemHttpResult>> CreateCompetitionAsync(
        CompetitionRequest? request, System.Security.Claims.ClaimsPrincipal user, CompetitionDesk desk)
    {
        var result = await desk.CreateAsync(request, user);
        return result.Outcome switch
        {
            CompetitionOutcome.Done => TypedResults.Created($"/api/competitions/{result.Id}", ContractJson.ToElement(result.Contest!, ContractJson.Context.ContestSnapshot)),
            CompetitionOutcome.Invalid => Invalid(result),
            CompetitionOutcome.Forbidden => TypedResults.Problem(detail: $"your account may not run contests for team '{result.TeamId}'", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
            CompetitionOutcome.Exists => TypedResults.Problem(detail: $"competition '{result.Id}' exists", statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
            _ => throw new InvalidOperationException($"unexpected outcome {result.Outcome} of creating a competition"),
        };
    }

    private static async Task<Results<Ok<System.Text.Json.JsonElement>, ValidationProblem, ProblemHttpResult>> ChangeCompetitionAsync(
        string id, CompetitionChangeRequest? request, HttpContext http, CompetitionDesk desk)
    {
        var result = await desk.ChangeAsync(id, request, http.User);
        return result.Outcome switch
        {
            CompetitionOutcome.Done => TypedResults.Ok(ContractJson.ToElement(result.Contest!, ContractJson.Context.ContestSnapshot)),
            CompetitionOutcome.Invalid => Invalid(result),
            CompetitionOutcome.NotFound => NotFound($"unknown competition '{id}'"),
            CompetitionOutcome.Forbidden => TypedResults.Problem(detail: $"your account may not change contests of team '{result.TeamId}'", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
            CompetitionOutcome.Finished => TypedResults.Problem(detail: $"competition '{id}' has ended; its rules are final", statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
            _ => throw new InvalidOperationException($"unexpected outcome {result.Outcome} of changing a competition"),
        };
    }

    private static ValidationProblem Invalid(CompetitionResult result) =>
        TypedResults.ValidationProblem(result.Errors!, title: result.Title);

    private static async Task<Scorecard> BuildAsync(Organization org, IActivityLog log, Team team, GoalPeriod period, string by, DateTimeOffset now, AttainmentSettings attainment, CancellationToken cancellationToken)
    {
        var range = team.Calendar.PeriodAt(period, now);
        var ledgers = team.Reps.ToDictionary(r => r.Id, _ => new RepLedger(), StringComparer.Ordinal);
        var activities = await log.ReadByOccurrenceAsync([.. ledgers.Keys], team.Calendar.At(range.First, TimeSpan.Zero), now, cancellationToken);
        foreach (var a in activities)
        {
            ledgers[a.RepId].Add(a.Type, team.Calendar.LocalDate(a.OccurredAt), a.Quantity, a.Value ?? 0m);
        }

        var basis = by switch
        {
            "points" => ScoreBasis.Points,
            "attainment" => ScoreBasis.Attainment,
            _ => ScoreBasis.Metric,
        };
        return ScorecardBuilder.Build(team, org.Metrics, rep => ledgers.GetValueOrDefault(rep.Id), period, now, basis, basis == ScoreBasis.Metric ? by : null, attainment);
    }

    private static GoalPeriod Period(string? period) => GoalPeriodNames.TryParse(period ?? "day", out var p) ? p : GoalPeriod.Day;

    private static ValidationProblem? ParseQuery(Organization org, string? period, string? by)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (period is not null && !GoalPeriodNames.TryParse(period, out _))
        {
            errors["period"] = ["must be day, week, month or quarter"];
        }

        if (by is not null && by is not ("points" or "attainment") && org.FindMetric(by) is null)
        {
            errors["by"] = [$"must be points, attainment or one of {string.Join(", ", org.Metrics.Select(m => m.Key))}"];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

}
