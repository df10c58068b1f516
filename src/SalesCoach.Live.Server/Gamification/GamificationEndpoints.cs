using System.Globalization;
using System.Text.RegularExpressions;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Gamification;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Gamification;

/// <summary>Scorecards (leaderboards by points, attainment or metric), badges, the moments feed and competitions.</summary>
public static partial class GamificationEndpoints
{
    /// <summary>The longest contest a manager can create.</summary>
    public static readonly TimeSpan LongestContest = TimeSpan.FromDays(92);

    /// <summary>
    /// The <c>Gamification</c> settings (attainment cap and weights, hot hand, badge table), read and checked now, so that a
    /// bad setting stops start-up with a message naming the key.
    /// </summary>
    public static WebApplicationBuilder AddGamification(this WebApplicationBuilder builder)
    {
        // The org is registered as an instance by AddOrg (before this); its metrics check the metric keys of the settings.
        var org = builder.Services.LastOrDefault(s => s.ServiceType == typeof(Organization))?.ImplementationInstance as Organization;
        builder.Services.AddSingleton(GamificationOptions.Read(builder.Configuration, org));
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

    private static async Task<IResult> ScorecardAsync(string teamId, string? period, string? by, Organization org, IActivityLog log, GamificationSettings settings, TimeProvider clock, CancellationToken cancellationToken)
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
        return Results.Bytes(ContractJson.Serialize(TeamScorecard.Of(card, by ?? "points")), "application/json");
    }

    private static async Task<IResult> TeamsAsync(string? period, string? by, Organization org, IActivityLog log, GamificationSettings settings, TimeProvider clock, CancellationToken cancellationToken)
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
        return Results.Ok(new
        {
            Period = Period(period).ToName(),
            By = by ?? "points",
            Teams = standings.Select(s => new { s.TeamId, s.Name, s.Rank, s.RepCount, Total = Math.Round(s.Total, 4), PerRep = Math.Round(s.PerRep, 4) }),
        });
    }

    private static async Task<IResult> BadgesAsync(string repId, Organization org, IGrainFactory grains)
    {
        if (org.FindRep(repId) is not { } rep)
        {
            return NotFound($"unknown rep '{repId}'");
        }

        return Results.Bytes(ContractJson.Serialize(await grains.GetGrain<ITeamGamificationGrain>(rep.TeamId).GetRepBadgesAsync(rep.Id)), "application/json");
    }

    private static async Task<IResult> MomentsAsync(string teamId, Organization org, IGrainFactory grains)
    {
        if (org.FindTeam(teamId) is not { } team)
        {
            return NotFound($"unknown team '{teamId}'");
        }

        return Results.Bytes(ContractJson.Serialize(await grains.GetGrain<ITeamGamificationGrain>(team.Id).GetMomentsAsync()), "application/json");
    }

    private static async Task<IResult> CompetitionsAsync(string teamId, Organization org, IGrainFactory grains, TimeProvider clock)
    {
        if (org.FindTeam(teamId) is not { } team)
        {
            return NotFound($"unknown team '{teamId}'");
        }

        var now = clock.GetUtcNow();
        var listings = await grains.GetGrain<ICompetitionDirectoryGrain>(team.Id).ListAsync();
        return Results.Ok(listings.Select(l => new
        {
            l.Id,
            l.Name,
            Start = ContractJson.FormatInstant(team.Calendar.ToLocal(l.Start)),
            End = ContractJson.FormatInstant(team.Calendar.ToLocal(l.End)),
            Status = now < l.Start ? "upcoming" : now < l.End ? "running" : "ended",
        }));
    }

    private static async Task<IResult> CompetitionAsync(string id, IGrainFactory grains)
    {
        if (!IdPattern().IsMatch(id) || await grains.GetGrain<ICompetitionGrain>(id).GetAsync() is not { } contest)
        {
            return NotFound($"unknown competition '{id}'");
        }

        return Results.Bytes(ContractJson.Serialize(contest), "application/json");
    }

    private static async Task<IResult> CreateCompetitionAsync(
        CompetitionRequest? request, Organization org, IGrainFactory grains, TimeProvider clock, System.Security.Claims.ClaimsPrincipal user, TeamAccess access)
    {
        if (request is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["a competition object is required"] });
        }

        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var id = request.Id ?? $"c-{Guid.NewGuid():N}"[..14];
        if (!IdPattern().IsMatch(id))
        {
            errors["id"] = ["must be 1 to 64 letters, digits, '-' or '_'"];
        }

        CheckName(request.Name, errors);
        var team = request.TeamId is null ? null : org.FindTeam(request.TeamId);
        if (team is null)
        {
            errors["teamId"] = ["must be a known team (its time zone and moments feed host the contest)"];
        }
        else if (!access.CanCoachTeam(user, team.Id))
        {
            // A manager runs contests for the teams they manage; admins for any.
            return Results.Problem(detail: $"your account may not run contests for team '{team.Id}'", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        var scope = request.Scope ?? "reps";
        if (scope is not ("reps" or "teams"))
        {
            errors["scope"] = ["must be reps or teams"];
        }

        var participants = request.Participants ?? [];
        if (participants.Count is < 2 or > 200 || participants.Distinct(StringComparer.Ordinal).Count() != participants.Count)
        {
            errors["participants"] = ["must list 2 to 200 distinct participants"];
        }
        else
        {
            for (var i = 0; i < participants.Count; i++)
            {
                var known = scope == "teams" ? org.FindTeam(participants[i]) is not null : org.FindRep(participants[i]) is not null;
                if (!known)
                {
                    errors[$"participants[{i}]"] = [scope == "teams" ? "unknown team" : "unknown rep"];
                }
            }
        }

        var by = request.By ?? "points";
        if (by is not ("points" or "attainment") && org.FindMetric(by) is null)
        {
            errors["by"] = [$"must be points, attainment or one of {string.Join(", ", org.Metrics.Select(m => m.Key))}"];
        }

        var finish = request.Finish ?? "most";
        if (finish is not ("most" or "firstTo"))
        {
            errors["finish"] = ["must be most or firstTo"];
        }
        else if (finish == "firstTo" && (request.Target is not (> 0 and < 1e9) || by == "attainment"))
        {
            errors["target"] = ["a firstTo contest needs a target above 0, on points or a metric"];
        }

        DateTimeOffset? start = null, end = null;
        if (team is not null)
        {
            start = ParseInstant(request.Start, team.Calendar, "start", errors);
            end = ParseInstant(request.End, team.Calendar, "end", errors);
            if (start is { } s && end is { } e)
            {
                CheckEnd(s, e, now, errors);
            }
        }

        var handicaps = request.Handicaps ?? [];
        var participantReps = scope == "teams"
            ? participants.SelectMany(p => org.FindTeam(p)?.Reps.Select(r => r.Id) ?? []).ToHashSet(StringComparer.Ordinal)
            : participants.ToHashSet(StringComparer.Ordinal);
        CheckHandicaps(handicaps, participantReps, errors);

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The competition is not valid; nothing was created.");
        }

        var spec = new CompetitionSpec(id, request.Name!.Trim(), team!.Id, scope, [.. participants], by, finish, request.Target ?? 0, start!.Value, end!.Value, new Dictionary<string, double>(handicaps, StringComparer.Ordinal));
        var grain = grains.GetGrain<ICompetitionGrain>(id);
        if (!await grain.CreateAsync(spec))
        {
            return Results.Problem(detail: $"competition '{id}' exists", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        var created = await grain.GetAsync() ?? throw new InvalidOperationException($"competition '{id}' was created but does not answer");
        return Results.Created($"/api/competitions/{id}", ContractJson.ToElement(created, ContractJson.Context.ContestSnapshot));
    }

    private static async Task<IResult> ChangeCompetitionAsync(
        string id, CompetitionChangeRequest? request, HttpContext http, Organization org, IGrainFactory grains, TimeProvider clock, TeamAccess access)
    {
        var grain = grains.GetGrain<ICompetitionGrain>(id);
        if (!IdPattern().IsMatch(id) || await grain.GetAsync() is not { } contest)
        {
            return NotFound($"unknown competition '{id}'");
        }

        var team = org.FindTeam(contest.TeamId)!;
        if (!access.CanCoachTeam(http.User, team.Id))
        {
            // As for creating one: a manager changes the contests of the teams they manage; admins any.
            return Results.Problem(detail: $"your account may not change contests of team '{team.Id}'", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        if (contest.Status is ContestStatus.Decided or ContestStatus.Ending)
        {
            return Finished(id);
        }

        if (request is null || (request.Name, request.End, request.Target, request.Handicaps) is (null, null, null, null))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["name at least one of name, end, target, handicaps"] });
        }

        var start = contest.Start;
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Name is not null)
        {
            CheckName(request.Name, errors);
        }

        DateTimeOffset? end = null;
        if (request.End is not null && ParseInstant(request.End, team.Calendar, "end", errors) is { } e)
        {
            CheckEnd(start, e, now, errors);
            end = e;
        }

        if (request.Target is { } target && (contest.Finish != ContestFinish.FirstTo || target is not (> 0 and < 1e9)))
        {
            errors["target"] = ["only a firstTo contest has a target, above 0"];
        }

        var participantReps = contest.Standings
            .Select(s => s.Id)
            .SelectMany(p => contest.Scope == ContestScope.Teams ? org.FindTeam(p)?.Reps.Select(r => r.Id) ?? [] : [p])
            .ToHashSet(StringComparer.Ordinal);
        CheckHandicaps(request.Handicaps ?? [], participantReps, errors);

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The change is not valid; nothing was changed.");
        }

        var changedBy = http.User.Identity?.Name is { Length: > 0 } name ? name : "unknown";
        var change = new CompetitionChange(changedBy, request.Name?.Trim(), end, request.Target, request.Handicaps is null ? null : new(request.Handicaps, StringComparer.Ordinal));
        switch (await grain.ChangeAsync(change))
        {
            case CompetitionChangeOutcome.NotFound:
                return NotFound($"unknown competition '{id}'");
            case CompetitionChangeOutcome.Finished:
                return Finished(id);
            case CompetitionChangeOutcome.EndNotAllowed:
                // The contest or the clock moved between the check above and the grain's own.
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["end"] = ["must be after start and in the future"] });
        }

        var changed = await grain.GetAsync() ?? throw new InvalidOperationException($"competition '{id}' was changed but does not answer");
        return Results.Ok(ContractJson.ToElement(changed, ContractJson.Context.ContestSnapshot));
    }

    // The rules a competition's name, end and handicaps follow, the same when it is created and when it is changed.
    private static void CheckName(string? name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            errors["name"] = ["must be 1 to 200 characters"];
        }
    }

    private static void CheckEnd(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (end <= start)
        {
            errors["end"] = ["must be after start"];
        }
        else if (end <= now)
        {
            errors["end"] = ["must be in the future"];
        }
        else if (end - start > LongestContest)
        {
            errors["end"] = ["a contest lasts at most 92 days"];
        }
    }

    private static void CheckHandicaps(Dictionary<string, double> handicaps, HashSet<string> participantReps, Dictionary<string, string[]> errors)
    {
        foreach (var (rep, handicap) in handicaps)
        {
            if (!participantReps.Contains(rep))
            {
                errors[$"handicaps.{rep}"] = ["must be a rep taking part"];
            }
            else if (handicap is not (> 0 and <= 5))
            {
                errors[$"handicaps.{rep}"] = ["must be a multiplier above 0 and at most 5"];
            }
        }
    }

    private static IResult Finished(string id) =>
        Results.Problem(detail: $"competition '{id}' has ended; its rules are final", statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    private static DateTimeOffset? ParseInstant(string? text, Domain.Calendar.WorkingCalendar calendar, string field, Dictionary<string, string[]> errors)
    {
        if (text is not null)
        {
            if (OffsetPattern().IsMatch(text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return instant;
            }

            if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return calendar.At(DateOnly.FromDateTime(local), local.TimeOfDay);
            }
        }

        errors[field] = ["must be a local date-time in the team's zone (2026-11-26T09:00) or an instant with an offset"];
        return null;
    }

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

    private static IResult? ParseQuery(Organization org, string? period, string? by)
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

        return errors.Count > 0 ? Results.ValidationProblem(errors) : null;
    }

    private static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex OffsetPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
