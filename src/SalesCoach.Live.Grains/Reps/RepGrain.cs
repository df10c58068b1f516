using Microsoft.Extensions.Logging;
using SalesCoach.Live.Abstractions.Reps;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Grains.Reps;

/// <summary>
/// One rep's live day totals. Activities arrive in batches after the log has made them durable; each carries the
/// rep's gap-free <c>RepSeq</c>, so an out-of-order or missed batch shows up as a gap and the grain reloads the tail
/// from the log. Activities stamped a little in the future wait until their time comes.
/// </summary>
public sealed class RepGrain(Organization org, IActivityLog log, TimeProvider clock, ILogger<RepGrain> logger) : Grain, IRepGrain
{
    /// <summary>How often pending activities are folded in and the log is checked for activities this grain missed.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(30);

    /// <summary>How far back activities are handed to the team for its coaching signals.</summary>
    public static readonly TimeSpan RecentSpan = TimeSpan.FromDays(15);

    private RepLedger _ledger = new();
    private readonly List<LoggedActivityMessage> _pending = [];

    // Celebrated activities loaded on activation but not yet handed over by ApplyAsync. The batch that wakes the grain
    // is already in the log it loads, so it looks applied when it arrives; its celebrations must still go out.
    private readonly HashSet<long> _uncelebrated = [];
    private Rep _rep = null!;
    private Team _team = null!;
    private long _applied;
    private long _publishedSeq = -1;
    private DateOnly _windowFirstDay;
    private OrgWatch _orgWatch = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var repId = this.GetPrimaryKeyString();
        _orgWatch = new OrgWatch(org);
        _rep = org.FindRep(repId) ?? throw new InvalidOperationException($"Unknown rep '{repId}'.");
        _team = org.TeamOf(_rep);
        var totals = await LoadAsync(activating: true, cancellationToken);
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(Tick, Tick));

        // The batch that woke this grain is already in what it just read, so it would be skipped as applied:
        // hand the team every total now, or the team (loaded earlier) would never hear of that batch.
        await PublishAsync(totals);
    }

    /// <summary>(Re)builds the day totals from the log, in <see cref="_team"/>'s calendar; returns them all as changes.</summary>
    private async Task<RepChanges> LoadAsync(bool activating, CancellationToken cancellationToken)
    {
        var repId = _rep.Id;
        var now = clock.GetUtcNow();
        _ledger = new RepLedger();
        _pending.Clear();
        _windowFirstDay = LedgerWindow.FirstDay(_team.Calendar.LocalDate(now));

        // Read the rep's sequence first: everything up to it is committed, so the window read below holds every
        // activity of the window up to that number (and maybe some newer ones, which only raise it).
        var seq = await log.GetRepSeqAsync(repId, cancellationToken);
        var activities = await log.ReadByOccurrenceAsync([repId], LedgerWindow.Start(_team.Calendar, now), DateTimeOffset.MaxValue, cancellationToken);
        var totals = new RepChanges();
        foreach (var activity in activities)
        {
            Fold(ToMessage(activity), now, totals);
            seq = Math.Max(seq, activity.RepSeq);
            if (activating && activity.Quantity > 0 && org.FindMetric(activity.Type) is { Celebrate: true })
            {
                _uncelebrated.Add(activity.RepSeq);
            }
        }

        _applied = seq;
        return totals;
    }

    /// <summary>
    /// Follows a changed org (checked on every call and tick). A rep moved to another team, or whose team changed its
    /// time zone, reloads its day totals (they are kept per local day) and hands them all to its (new) team. A rep no
    /// longer in the org takes nothing more and deactivates; their activities stay in the log.
    /// </summary>
    private async Task<bool> FollowOrgAsync()
    {
        if (!_orgWatch.Changed())
        {
            return true;
        }

        if (org.FindRep(_rep.Id) is not { } rep || org.FindTeam(rep.TeamId) is not { } team)
        {
            logger.LogInformation("Rep {RepId} is no longer in the org (revision {Revision}); deactivating", _rep.Id, _orgWatch.Revision);
            this.DeactivateOnIdle();
            return false;
        }

        var reload = team.Id != _team.Id || team.Calendar.Zone.Id != _team.Calendar.Zone.Id;
        _rep = rep;
        _team = team;
        if (reload)
        {
            var totals = await LoadAsync(activating: false, CancellationToken.None);
            _publishedSeq = -1;
            await PublishAsync(totals);
        }

        return true;
    }

    public Task<long> GetAppliedRepSeqAsync() => Task.FromResult(_applied);

    public async Task ApplyAsync(LoggedActivityMessage[] activities)
    {
        if (!await FollowOrgAsync())
        {
            return;
        }

        var now = clock.GetUtcNow();
        var changes = new RepChanges();
        foreach (var activity in activities.OrderBy(a => a.RepSeq))
        {
            if (activity.RepSeq <= _applied)
            {
                if (_uncelebrated.Remove(activity.RepSeq))
                {
                    changes.Celebrations.Add(activity);
                }

                continue;
            }

            if (activity.RepSeq > _applied + 1)
            {
                // A gap: an earlier batch is late or was lost on the way. The log has everything up to this one.
                await CatchUpAsync(now, changes);
                continue;
            }

            Apply(activity, now, changes);
        }

        await PublishAsync(changes);
    }

    private void Apply(LoggedActivityMessage activity, DateTimeOffset now, RepChanges changes)
    {
        _applied = activity.RepSeq;
        Fold(activity, now, changes);
        if (activity.Quantity > 0 && org.FindMetric(activity.Type) is { Celebrate: true })
        {
            changes.Celebrations.Add(activity);
        }
    }

    private async Task CatchUpAsync(DateTimeOffset now, RepChanges changes)
    {
        var tail = await log.ReadRepTailAsync(_rep.Id, _applied);
        logger.LogInformation("Rep {RepId} caught up {Count} activities from the log after seq {Seq}", _rep.Id, tail.Count, _applied);
        foreach (var activity in tail)
        {
            if (activity.RepSeq == _applied + 1)
            {
                Apply(ToMessage(activity), now, changes);
            }
        }
    }

    /// <summary>Adds an activity to its day, or parks it while its time has not come.</summary>
    private void Fold(LoggedActivityMessage activity, DateTimeOffset now, RepChanges changes)
    {
        if (activity.OccurredAt > now)
        {
            _pending.Add(activity);
            return;
        }

        var day = _team.Calendar.LocalDate(activity.OccurredAt);
        if (day < _windowFirstDay)
        {
            return;
        }

        changes.Days[(activity.Type, day)] = _ledger.Add(activity.Type, day, activity.Quantity, activity.Value ?? 0m);
        if (activity.OccurredAt >= now - RecentSpan)
        {
            changes.Recent.Add(new RecentActivity(activity.RepSeq, activity.OccurredAt, activity.Type, activity.Quantity));
        }
    }

    public Task CatchUpAsync() => TickAsync(CancellationToken.None);

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (!await FollowOrgAsync())
        {
            return;
        }

        var now = clock.GetUtcNow();
        var changes = new RepChanges();

        var first = LedgerWindow.FirstDay(_team.Calendar.LocalDate(now));
        if (first != _windowFirstDay)
        {
            _windowFirstDay = first;
            _ledger.DropBefore(first);
        }

        var due = _pending.Where(p => p.OccurredAt <= now).ToList();
        foreach (var activity in due)
        {
            _pending.Remove(activity);
            Fold(activity, now, changes);
        }

        // Activities acknowledged by a node that died before it reached this grain are found here.
        if (await log.GetRepSeqAsync(_rep.Id, cancellationToken) > _applied)
        {
            await CatchUpAsync(now, changes);
        }

        await PublishAsync(changes);
    }

    private async Task PublishAsync(RepChanges changes)
    {
        var team = GrainFactory.GetGrain<ITeamGrain>(_team.Id);

        // Also without changes when the sequence moved (activities outside the window), so the team knows this rep
        // is up to date with the log and stops asking it to catch up.
        if (changes.Days.Count > 0 || _applied > _publishedSeq)
        {
            var days = changes.Days.Select(c => new DayTallyChange(c.Key.Metric, c.Key.Day.DayNumber, c.Value.Quantity, c.Value.Value)).ToArray();
            await team.UpdateRepAsync(new RepTallyUpdate(_rep.Id, _applied, days, [.. changes.Recent]));
            _publishedSeq = _applied;
        }

        foreach (var activity in changes.Celebrations)
        {
            await team.CelebrateAsync(new Celebration(_team.Id, _rep.Id, _rep.Name, activity.Type, activity.Value, activity.OccurredAt));
        }
    }

    private static LoggedActivityMessage ToMessage(LoggedActivity a) => new(a.RepSeq, a.Id, a.Type, a.OccurredAt, a.Quantity, a.Value);
}
