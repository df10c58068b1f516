using System.Security.Claims;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Gamification;

/// <summary>What became of a request to create or change a competition.</summary>
public enum CompetitionOutcome
{
    /// <summary>Created or changed; <see cref="CompetitionResult.Contest"/> is the contest as it is now.</summary>
    Done,

    /// <summary>The request breaks a rule; nothing was done (<see cref="CompetitionResult.Errors"/>).</summary>
    Invalid,

    /// <summary>The account may not run contests for the team.</summary>
    Forbidden,

    /// <summary>No competition has that id.</summary>
    NotFound,

    /// <summary>A competition with that id exists already.</summary>
    Exists,

    /// <summary>The competition has ended; its rules are final.</summary>
    Finished,
}

/// <summary>
/// The answer of <see cref="CompetitionDesk"/>: an outcome, the contest when done, the errors (and the problem's title,
/// when the rules were checked) when invalid, the team when forbidden.
/// </summary>
public sealed record CompetitionResult(CompetitionOutcome Outcome, string Id, ContestSnapshot? Contest = null, IReadOnlyDictionary<string, string[]>? Errors = null, string? TeamId = null, string? Title = null);

/// <summary>
/// Creating and changing competitions with their rules (<see cref="CompetitionRules"/>) and who may (the managers of
/// the hosting team, admins for any), for the API and any other caller alike.
/// </summary>
public sealed class CompetitionDesk(Organization org, IGrainFactory grains, TeamAccess access, TimeProvider clock)
{
    /// <summary>The competition <paramref name="id"/> with its live standings, or null when there is none.</summary>
    public async Task<ContestSnapshot?> FindAsync(string id) =>
        CompetitionRules.IsId(id) ? await grains.GetGrain<ICompetitionGrain>(id).GetAsync() : null;

    /// <summary>Creates the competition <paramref name="request"/> describes, for <paramref name="user"/>.</summary>
    public async Task<CompetitionResult> CreateAsync(CompetitionRequest? request, ClaimsPrincipal user)
    {
        if (request is null)
        {
            return new(CompetitionOutcome.Invalid, "", Errors: new Dictionary<string, string[]> { ["body"] = ["a competition object is required"] });
        }

        var id = request.Id ?? $"c-{Guid.NewGuid():N}"[..14];
        var team = request.TeamId is null ? null : org.FindTeam(request.TeamId);
        if (team is not null && !access.CanCoachTeam(user, team.Id))
        {
            // A manager runs contests for the teams they manage; admins for any.
            return new(CompetitionOutcome.Forbidden, id, TeamId: team.Id);
        }

        var (spec, errors) = CompetitionRules.CheckNew(id, request, team, org, clock.GetUtcNow());
        if (spec is null)
        {
            return new(CompetitionOutcome.Invalid, id, Errors: errors, Title: "The competition is not valid; nothing was created.");
        }

        var grain = grains.GetGrain<ICompetitionGrain>(id);
        if (!await grain.CreateAsync(spec))
        {
            return new(CompetitionOutcome.Exists, id);
        }

        var created = await grain.GetAsync() ?? throw new InvalidOperationException($"competition '{id}' was created but does not answer");
        return new(CompetitionOutcome.Done, id, created);
    }

    /// <summary>Changes the running competition <paramref name="id"/> as <paramref name="request"/> says, for <paramref name="user"/>.</summary>
    public async Task<CompetitionResult> ChangeAsync(string id, CompetitionChangeRequest? request, ClaimsPrincipal user)
    {
        var grain = grains.GetGrain<ICompetitionGrain>(id);
        if (!CompetitionRules.IsId(id) || await grain.GetAsync() is not { } contest)
        {
            return new(CompetitionOutcome.NotFound, id);
        }

        var team = org.FindTeam(contest.TeamId)!;
        if (!access.CanCoachTeam(user, team.Id))
        {
            // As for creating one: a manager changes the contests of the teams they manage; admins any.
            return new(CompetitionOutcome.Forbidden, id, TeamId: team.Id);
        }

        if (contest.Status is ContestStatus.Decided or ContestStatus.Ending)
        {
            return new(CompetitionOutcome.Finished, id);
        }

        if (request is null || (request.Name, request.End, request.Target, request.Handicaps) is (null, null, null, null))
        {
            return new(CompetitionOutcome.Invalid, id, Errors: new Dictionary<string, string[]> { ["body"] = ["name at least one of name, end, target, handicaps"] });
        }

        var changedBy = user.Identity?.Name is { Length: > 0 } name ? name : "unknown";
        var (change, errors) = CompetitionRules.CheckChange(request, contest, team, org, clock.GetUtcNow(), changedBy);
        if (change is null)
        {
            return new(CompetitionOutcome.Invalid, id, Errors: errors, Title: "The change is not valid; nothing was changed.");
        }

        switch (await grain.ChangeAsync(change))
        {
            case CompetitionChangeOutcome.NotFound:
                return new(CompetitionOutcome.NotFound, id);
            case CompetitionChangeOutcome.Finished:
                return new(CompetitionOutcome.Finished, id);
            case CompetitionChangeOutcome.EndNotAllowed:
                // The contest or the clock moved between the check above and the grain's own.
                return new(CompetitionOutcome.Invalid, id, Errors: new Dictionary<string, string[]> { ["end"] = ["must be after start and in the future"] });
        }

        var changed = await grain.GetAsync() ?? throw new InvalidOperationException($"competition '{id}' was changed but does not answer");
        return new(CompetitionOutcome.Done, id, changed);
    }
}
