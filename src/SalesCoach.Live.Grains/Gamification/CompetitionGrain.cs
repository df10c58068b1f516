using Microsoft.Extensions.Logging;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Abstractions.Live;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Domain.Gamification;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Grains.Gamification;

/// <summary>
/// A contest. Standings are scored from the activity log (the source of truth), so they are the same on every read and
/// after any restart. A durable reminder due at the end decides the contest: the decision is written to storage before it
/// is announced, and a reminder that fires again (a retry, a restart) finds it decided and only unregisters itself.
/// </summary>
[GrainType("competition")]
public sealed class CompetitionGrain(
    [PersistentState("competition", "store")] IPersistentState<CompetitionState> state,
    Organization org,
    IActivityLog log,
    TimeProvider clock,
    ILogger<CompetitionGrain> logger)
    : Grain, ICompetitionGrain, IRemindable
{
    public const string EndReminder = "competition-end";

    /// <summary>Reminders repeat at least this often; the end fires once and the repeats only find it decided.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private CompetitionState State => state.State;

    public async Task<bool> CreateAsync(CompetitionSpec spec)
    {
        if (state.RecordExists)
        {
            return false;
        }

        state.State = new CompetitionState
        {
            Id = spec.Id,
            Name = spec.Name,
            TeamId = spec.TeamId,
            Scope = spec.Scope,
            Participants = [.. spec.Participants],
            By = spec.By,
            Finish = spec.Finish,
            Target = spec.Target,
            Start = spec.Start,
            End = spec.End,
            Handicaps = new Dictionary<string, double>(spec.Handicaps, StringComparer.Ordinal),
            CreatedAt = clock.GetUtcNow(),
        };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICompetitionDirectoryGrain>(spec.TeamId).AddAsync(new CompetitionListing(spec.Id, spec.Name, spec.Start, spec.End));
        var due = spec.End - clock.GetUtcNow();
        await this.RegisterOrUpdateReminder(EndReminder, due > TimeSpan.Zero ? due : TimeSpan.FromSeconds(1), ReminderPeriod);
        logger.LogInformation("Competition {CompetitionId} created, ends {End}", spec.Id, spec.End);
        return true;
    }

    public async Task<byte[]?> GetAsync()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var result = await JudgeAsync(State.Decided ? State.End : now);
        return CompetitionJson.Write(State, result, org.FindTeam(State.TeamId)!.Calendar);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != EndReminder)
        {
            return;
        }

        if (!state.RecordExists || State.Decided)
        {
            await UnregisterAsync();
            return;
        }

        if (clock.GetUtcNow() < State.End)
        {
            return; // Early (a clock skew between nodes): the next tick decides.
        }

        var result = await JudgeAsync(State.End);
        var winner = result.Standings.FirstOrDefault(s => s.Id == result.WinnerId);
        State.Decided = true;
        State.WinnerId = winner?.Id;
        State.WinnerScore = winner?.Score;
        State.DecidedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        logger.LogInformation("Competition {CompetitionId} decided: winner {WinnerId}", State.Id, State.WinnerId ?? "(none)");

        if (winner is not null)
        {
            await AnnounceAsync(winner);
        }

        await UnregisterAsync();
    }

    private async Task AnnounceAsync(CompetitionStanding winner)
    {
        var calendar = org.FindTeam(State.TeamId)!.Calendar;
        var at = calendar.ToLocal(State.End);
        var score = (decimal)Math.Round(winner.Score, 2);
        try
        {
            await GrainFactory.GetGrain<ITeamGamificationGrain>(State.TeamId).AddMomentAsync(
                new Moment(MomentKinds.Competition, winner.Id, winner.Name, $"{winner.Name} won {State.Name}", State.Id, score, at));
            var celebration = BoardJson.Celebration(new Celebration(State.TeamId, winner.Id, winner.Name, "competition", score, at), null);
            foreach (var relay in await GrainFactory.GetGrain<ILiveRelayRegistryGrain>(0).GetRelaysAsync())
            {
                await relay.OnCelebrationAsync(State.TeamId, celebration);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The decision is stored; an announcement is best effort, like every push.
            logger.LogWarning(e, "Could not announce the winner of competition {CompetitionId}", State.Id);
        }
    }

    private async Task UnregisterAsync()
    {
        if (await this.GetReminder(EndReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task<CompetitionResult> JudgeAsync(DateTimeOffset at)
    {
        var contest = ToCompetition(State);
        var repIds = contest.Participants
            .SelectMany(p => contest.Scope == CompetitionScope.Teams ? org.FindTeam(p)?.Reps.Select(r => r.Id) ?? [] : [p])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var until = at < contest.End ? at : contest.End;
        var activities = until >= contest.Start
            ? await log.ReadByOccurrenceAsync(repIds, contest.Start, until)
            : [];
        var result = CompetitionJudge.Judge(contest, org, activities.Select(a => new ScoredActivity(a.RepId, a.OccurredAt, a.Type, a.Quantity)), at);
        return State.Decided ? result with { Decided = true, WinnerId = State.WinnerId } : result;
    }

    /// <summary>The domain contest of a stored one (names as in the API: reps/teams, most/firstTo, points/attainment/metric).</summary>
    public static Competition ToCompetition(CompetitionState s)
    {
        var basis = s.By switch
        {
            "points" => ScoreBasis.Points,
            "attainment" => ScoreBasis.Attainment,
            _ => ScoreBasis.Metric,
        };
        return new Competition(
            s.Id,
            s.Name,
            s.TeamId,
            s.Scope == "teams" ? CompetitionScope.Teams : CompetitionScope.Reps,
            s.Participants,
            basis,
            basis == ScoreBasis.Metric ? s.By : null,
            s.Finish == "firstTo" ? CompetitionFinish.FirstTo : CompetitionFinish.MostByEnd,
            s.Target,
            s.Start,
            s.End,
            s.Handicaps);
    }
}
