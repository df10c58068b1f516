using Microsoft.Extensions.Logging;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Abstractions.Reps;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Coaching;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Grains.Coaching;
using SalesCoach.Live.Grains.Live;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Grains.Teams;

/// <summary>
/// A team's live board. Holds a copy of every rep's day totals (loaded from the log on activation, then kept current
/// by the rep grains), recomputes the board when something changes or the clock moves, and pushes the rows that
/// changed as one delta at most every <see cref="CoalesceWindow"/>.
/// </summary>
[GrainType("team")]
public sealed class TeamGrain(
    [PersistentState("teamCoachingAcknowledgements", "store")] IPersistentState<CoachingAcknowledgements> acknowledgements,
    Organization org,
    IActivityLog log,
    TimeProvider clock,
    ILogger<TeamGrain> logger,
    CoachingSettings? coachingSettings = null,
    FocusRules? focusRules = null)
    : Grain, ITeamGrain
{
    /// <summary>At most one delta per team in this window; the first change after a quiet spell goes out at once.</summary>
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the board is brought up to the clock when nothing happens (expected grows with time).</summary>
    public static readonly TimeSpan ClockTick = TimeSpan.FromSeconds(15);


    /// <summary>Every this many ticks the team compares each rep's sequence in the log with what it holds.</summary>
    private const int LogCheckEveryTicks = 4;

    private readonly Dictionary<string, RepLedger> _ledgers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _repSeqs = new(StringComparer.Ordinal);
    // The last rows and team pushed: a row goes into a delta only when it differs from its copy here (by value).
    private readonly Dictionary<string, RepRow> _rows = new(StringComparer.Ordinal);

    // New activities for the team's gamification grain, handed over at each flush (a few calls a second at most).
    private readonly Dictionary<string, List<RecentActivity>> _forGamification = new(StringComparer.Ordinal);
    private Team _team = null!;
    private TeamCoach _coach = null!;
    private Board? _board;
    private TeamRow? _teamRow;
    private long _version;
    private bool _dirty;
    private DateTimeOffset _lastFlush = DateTimeOffset.MinValue;
    private DateOnly _windowFirstDay;
    private IGrainTimer? _flushTimer;
    private bool _flushScheduled;
    private RelayList _relays = null!;
    private int _ticks;
    private OrgWatch _orgWatch = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var teamId = this.GetPrimaryKeyString();
        _orgWatch = new OrgWatch(org);
        _team = org.FindTeam(teamId) ?? throw new InvalidOperationException($"Unknown team '{teamId}'.");
        _relays = new RelayList(GrainFactory, logger, _team.Id);
        var now = clock.GetUtcNow();

        // A version that starts at the activation's wall-clock milliseconds keeps growing across reactivations,
        // since deltas are coalesced to far fewer than one per millisecond.
        _version = now.ToUnixTimeMilliseconds();
        var loaded = await LoadAsync(now, cancellationToken);
        Recompute(now);
        _coach.Evaluate(_board!, now);
        _flushTimer = this.RegisterGrainTimer(FlushFromTimerAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(ClockTick, ClockTick) { KeepAlive = true });
        logger.LogInformation("Team {TeamId} activated with {Activities} activities in its window", teamId, loaded);
    }

    /// <summary>
    /// (Re)builds every rep's day totals and the coaching history of <see cref="_team"/> from the log: on activation,
    /// and when the org changed (a new calendar, new or removed reps), since day totals are kept per local day.
    /// </summary>
    private async Task<int> LoadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        _ledgers.Clear();
        _repSeqs.Clear();
        _windowFirstDay = LedgerWindow.FirstDay(_team.Calendar.LocalDate(now));
        _coach = new TeamCoach(_team, org.Metrics, coachingSettings ?? CoachingSettings.Default, focusRules ?? FocusRules.Default, acknowledgements.State);
        foreach (var rep in _team.Reps)
        {
            _ledgers[rep.Id] = new RepLedger();
            _repSeqs[rep.Id] = 0;
        }

        var activities = await log.ReadByOccurrenceAsync(
            [.. _ledgers.Keys], LedgerWindow.Start(_team.Calendar, now), now, cancellationToken);
        foreach (var activity in activities)
        {
            _ledgers[activity.RepId].Add(activity.Type, _team.Calendar.LocalDate(activity.OccurredAt), activity.Quantity, activity.Value ?? 0m);
            _repSeqs[activity.RepId] = Math.Max(_repSeqs[activity.RepId], activity.RepSeq);
            if (activity.OccurredAt >= now - TeamCoach.HistorySpan)
            {
                _coach.Add(activity.RepId, activity.RepSeq, new TimedActivity(activity.OccurredAt, activity.Type, activity.Quantity));
            }
        }

        return activities.Count;
    }

    /// <summary>
    /// Follows a changed org (checked on every call and tick): reloads the team from the log and pushes the new board.
    /// Rows may have gone (a rep removed or moved away) and metric definitions changed, which a delta cannot say; so
    /// the push skips a version on purpose, and every client, seeing <c>fromVersion</c> differ from its own version,
    /// asks for a snapshot (the contract's gap rule). A removed team stops answering and deactivates.
    /// </summary>
    private async Task<bool> FollowOrgAsync()
    {
        if (!_orgWatch.Changed())
        {
            return true;
        }

        if (org.FindTeam(_team.Id) is not { } team)
        {
            logger.LogInformation("Team {TeamId} is no longer in the org (revision {Revision}); deactivating", _team.Id, _orgWatch.Revision);
            this.DeactivateOnIdle();
            return false;
        }

        _team = team;
        var now = clock.GetUtcNow();
        await LoadAsync(now, CancellationToken.None);
        // With no rows and no team figures kept, the flush sees everything as changed and pushes all of it.
        _rows.Clear();
        _teamRow = null;
        _version++;
        await FlushAsync();

        logger.LogInformation("Team {TeamId} follows org revision {Revision}", _team.Id, _orgWatch.Revision);
        return true;
    }

    public async Task UpdateRepAsync(RepTallyUpdate update)
    {
        if (!await FollowOrgAsync())
        {
            return;
        }

        if (!_ledgers.TryGetValue(update.RepId, out var ledger) || update.RepSeq < _repSeqs[update.RepId])
        {
            return;
        }

        _repSeqs[update.RepId] = update.RepSeq;
        foreach (var recent in update.Recent)
        {
            _coach.Add(update.RepId, recent.RepSeq, new TimedActivity(recent.OccurredAt, recent.Type, recent.Quantity));
        }

        if (update.Recent.Length > 0)
        {
            if (!_forGamification.TryGetValue(update.RepId, out var pending))
            {
                _forGamification[update.RepId] = pending = [];
            }

            pending.AddRange(update.Recent);

            // A quiet team hands over at once; a busy one (a flush already waiting) gathers until that flush.
            if (!_flushScheduled)
            {
                HandOverToGamification()?.Ignore();
            }
        }

        foreach (var change in update.Changes)
        {
            var day = DateOnly.FromDayNumber(change.DayNumber);
            if (day >= _windowFirstDay)
            {
                ledger.Set(change.Metric, day, new DayTally(change.Quantity, change.Value));
            }
        }

        if (update.Changes.Length > 0 || update.Recent.Length > 0)
        {
            await MarkDirtyAsync();
        }
    }

    public async Task CelebrateAsync(Celebration celebration)
    {
        var named = celebration with { MetricName = org.FindMetric(celebration.Metric)?.Name };
        foreach (var relay in await _relays.GetAsync())
        {
            await relay.OnCelebrationAsync(_team.Id, named);
        }
    }

    public async Task<BoardSnapshot> GetSnapshotAsync()
    {
        await FollowOrgAsync();
        await FlushAsync();
        return BoardSnapshot.Of(_board!, _version, [.. _board!.Reps.Select(r => _rows[r.RepId])], _teamRow!);
    }

    public async Task<IReadOnlyList<CoachingQueueItem>> GetCoachingAsync()
    {
        await FollowOrgAsync();
        await FlushAsync();
        await CoachAsync();
        return _coach.Queue;
    }

    public async Task<bool> AcknowledgeAsync(string repId, DateTimeOffset? snoozeUntil)
    {
        await FollowOrgAsync();
        await FlushAsync();
        await CoachAsync();
        if (!_coach.Acknowledge(repId, snoozeUntil))
        {
            return false;
        }

        await CoachAsync();
        return true;
    }

    public async Task<RepRow?> GetRowAsync(string repId)
    {
        await FollowOrgAsync();
        await FlushAsync();
        return _rows.GetValueOrDefault(repId);
    }

    private Task MarkDirtyAsync()
    {
        _dirty = true;
        if (_flushScheduled)
        {
            return Task.CompletedTask;
        }

        var wait = _lastFlush + CoalesceWindow - clock.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return FlushAsync();
        }

        _flushScheduled = true;
        // Never longer than the window: a clock set back (or a test's clock moved back) must not park the flush.
        _flushTimer!.Change(wait > CoalesceWindow ? CoalesceWindow : wait, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    private Task FlushFromTimerAsync(CancellationToken cancellationToken)
    {
        _flushScheduled = false;
        return _dirty ? FlushAsync() : Task.CompletedTask;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (!await FollowOrgAsync())
        {
            return;
        }

        var today = _team.Calendar.LocalDate(clock.GetUtcNow());
        var first = LedgerWindow.FirstDay(today);
        if (first != _windowFirstDay)
        {
            _windowFirstDay = first;
            foreach (var ledger in _ledgers.Values)
            {
                ledger.DropBefore(first);
            }
        }

        if (++_ticks % LogCheckEveryTicks == 0)
        {
            await WakeRepsBehindTheLogAsync(cancellationToken);
            _coach.DropBefore(clock.GetUtcNow() - TeamCoach.HistorySpan);
        }

        await FlushAsync();
        await CoachAsync();
    }

    /// <summary>Re-evaluates the coaching queue on the current board and pushes it when it changed.</summary>
    private async Task CoachAsync()
    {
        var changed = _coach.Evaluate(_board!, clock.GetUtcNow());
        if (_coach.TakeAcknowledgementsChanged())
        {
            await acknowledgements.WriteStateAsync();
        }

        if (!changed)
        {
            return;
        }

        foreach (var relay in await _relays.GetAsync())
        {
            await relay.OnCoachingAsync(_team.Id, _coach.Queue);
        }
    }

    /// <summary>
    /// An activity acknowledged by a node that died before telling the rep grain is in the log but nowhere else; an
    /// active rep grain finds it on its own tick, an inactive one would not until its rep's next activity. So the team
    /// asks every rep that the log shows ahead of the team's copy to catch up (one-way: the rep calls back).
    /// </summary>
    private async Task WakeRepsBehindTheLogAsync(CancellationToken cancellationToken)
    {
        foreach (var (repId, known) in _repSeqs)
        {
            if (await log.GetRepSeqAsync(repId, cancellationToken) > known)
            {
                await GrainFactory.GetGrain<IRepGrain>(repId).CatchUpAsync();
            }
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // What waits for the next flush is handed over now, and awaited: a message sent without waiting while this
        // activation goes away may be lost with it.
        if (HandOverToGamification() is { } handOver)
        {
            try
            {
                await handOver.WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogWarning(e, "Team {TeamId} could not hand its last activities to gamification while deactivating", _team.Id);
            }
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private Task? HandOverToGamification()
    {
        if (_forGamification.Count == 0)
        {
            return null;
        }

        var batch = _forGamification.Select(p => new RepActivities(p.Key, [.. p.Value])).ToArray();
        _forGamification.Clear();
        return GrainFactory.GetGrain<ITeamGamificationGrain>(_team.Id).RecordManyAsync(batch);
    }

    /// <summary>Brings the board up to the clock; if any row or the team changed, bumps the version and pushes a delta.</summary>
    private async Task FlushAsync()
    {
        _dirty = false;
        HandOverToGamification()?.Ignore();
        var now = clock.GetUtcNow();
        _lastFlush = now;
        var changed = Recompute(now);
        if (changed is null)
        {
            return;
        }

        var fromVersion = _version;
        _version++;
        var delta = new BoardDelta(_team.Id, _version, fromVersion, _board!.AsOf, changed, _teamRow!);
        foreach (var relay in await _relays.GetAsync())
        {
            await relay.OnDeltaAsync(_team.Id, delta);
        }
    }

    /// <summary>Rebuilds the board at <paramref name="now"/>; returns the changed rows, or null when nothing changed.</summary>
    private List<RepRow>? Recompute(DateTimeOffset now)
    {
        _board = BoardBuilder.Build(_team, org.Metrics, rep => _ledgers.GetValueOrDefault(rep.Id), now);
        var changed = new List<RepRow>();
        foreach (var built in _board.Reps)
        {
            // Rows compare by value, figures rounded as the contract shows them: what a client cannot see is no change.
            var row = RepRow.From(built);
            if (!_rows.TryGetValue(row.RepId, out var previous) || !previous.Equals(row))
            {
                _rows[row.RepId] = row;
                changed.Add(row);
            }
        }

        var team = TeamRow.From(_board.Team);
        var teamChanged = !team.Equals(_teamRow);
        _teamRow = team;
        return changed.Count > 0 || teamChanged ? changed : null;
    }

}
