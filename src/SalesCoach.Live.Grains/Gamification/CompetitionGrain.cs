using Microsoft.Extensions.Logging;
using SalesCoach.Live.Abstractions.Json;
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
    ILogger<CompetitionGrain> logger,
    GamificationSettings? settings = null)
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
        await RegisterEndReminderAsync(spec.End, clock.GetUtcNow());
        logger.LogInformation("Competition {CompetitionId} created, ends {End}", spec.Id, spec.End);
        return true;
    }

    public async Task<CompetitionChangeOutcome> ChangeAsync(CompetitionChange change)
    {
        if (!state.RecordExists)
        {
            return CompetitionChangeOutcome.NotFound;
        }

        var now = clock.GetUtcNow();
        if (State.Decided || now >= State.End)
        {
            return CompetitionChangeOutcome.Finished;
        }

        var calendar = org.FindTeam(State.TeamId)!.Calendar;
        var items = new List<RuleChangeItem>();
        if (change.Name is { } name && name != State.Name)
        {
            items.Add(new RuleChangeItem { Field = "name", From = State.Name, To = name });
        }

        var oldEnd = State.End;
        if (change.End is { } end && end != State.End)
        {
            if (end <= State.Start || end <= now)
            {
                return CompetitionChangeOutcome.EndNotAllowed;
            }

            items.Add(new RuleChangeItem { Field = "end", From = Instant(calendar, State.End), To = Instant(calendar, end) });
        }

        if (change.Target is { } target && State.Finish == "firstTo" && target != State.Target)
        {
            items.Add(new RuleChangeItem { Field = "target", From = Number(State.Target), To = Number(target) });
        }

        foreach (var (repId, handicap) in change.Handicaps ?? [])
        {
            // A handicap of 1 is no handicap: it is removed, so that the contest reads as if it never had one.
            double? before = State.Handicaps.TryGetValue(repId, out var h) ? h : null;
            double? after = handicap == 1d ? null : handicap;
            if (before != after)
            {
                items.Add(new RuleChangeItem { Field = $"handicaps.{repId}", From = before is { } b ? Number(b) : null, To = after is { } a ? Number(a) : null });
            }
        }

        if (items.Count == 0)
        {
            return CompetitionChangeOutcome.Unchanged;
        }

        var newEnd = change.End ?? State.End;

        // The reminder moves with the end. An earlier end is registered before the state is written, a later one after:
        // whichever write fails, the reminder that remains fires no later than the stored end, finds the contest not
        // yet over (or over) by the stored end, and keeps ticking every minute until it decides, exactly once.
        if (newEnd < oldEnd)
        {
            await RegisterEndReminderAsync(newEnd, now);
        }

        foreach (var item in items)
        {
            switch (item.Field)
            {
                case "name":
                    State.Name = change.Name!;
                    break;
                case "end":
                    State.End = newEnd;
                    break;
                case "target":
                    State.Target = change.Target!.Value;
                    break;
                default:
                    var repId = item.Field["handicaps.".Length..];
                    if (item.To is null)
                    {
                        State.Handicaps.Remove(repId);
                    }
                    else
                    {
                        State.Handicaps[repId] = change.Handicaps![repId];
                    }

                    break;
            }
        }

        State.RuleChanges.Add(new RuleChangeEntry { At = now, By = change.ChangedBy, Changes = items });
        await state.WriteStateAsync();
        if (newEnd > oldEnd)
        {
            await RegisterEndReminderAsync(newEnd, now);
        }

        if (items.Exists(i => i.Field is "name" or "end"))
        {
            await GrainFactory.GetGrain<ICompetitionDirectoryGrain>(State.TeamId).AddAsync(new CompetitionListing(State.Id, State.Name, State.Start, State.End));
        }

        logger.LogInformation(
            "Competition {CompetitionId} rules changed by {ChangedBy}: {Fields}", State.Id, change.ChangedBy, string.Join(", ", items.Select(i => i.Field)));
        return CompetitionChangeOutcome.Changed;
    }

    public async Task<ContestSnapshot?> GetAsync()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var result = await JudgeAsync(State.Decided ? State.End : now);
        return ContestSnapshots.From(State, result, org.FindTeam(State.TeamId)!.Calendar);
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
            var celebration = new Celebration(State.TeamId, winner.Id, winner.Name, "competition", score, at);
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

    private Task RegisterEndReminderAsync(DateTimeOffset end, DateTimeOffset now)
    {
        var due = end - now;
        return this.RegisterOrUpdateReminder(EndReminder, due > TimeSpan.Zero ? due : TimeSpan.FromSeconds(1), ReminderPeriod);
    }

    private static string Instant(Domain.Calendar.WorkingCalendar calendar, DateTimeOffset instant) => ContractJson.FormatInstant(calendar.ToLocal(instant));

    private static string Number(double value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

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
        var result = CompetitionJudge.Judge(contest, org, activities.Select(a => new ScoredActivity(a.RepId, a.OccurredAt, a.Type, a.Quantity)), at, (settings ?? GamificationSettings.Default).Attainment);
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
