using System.Globalization;
using Microsoft.Extensions.Logging;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Domain.Coaching;
using SalesCoach.Live.Domain.Gamification;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;
using SalesCoach.Live.Grains.Live;

namespace SalesCoach.Live.Grains.Gamification;

/// <summary>
/// A team's streaks, badges and moments. The team grain forwards each rep's new activities one-way; activities are
/// taken once by RepSeq (a duplicate or replay changes nothing), voids lower counts but never award, and every badge is
/// awarded at most once per rule, rep and period because awards are persisted with their period key. Badge rules see the
/// activity's own local day and time, so a late activity is judged in the day it happened.
/// </summary>
[GrainType("gamification")]
public sealed class GamificationGrain(
    [PersistentState("teamGamification", "store")] IPersistentState<GamificationState> state,
    Organization org,
    TimeProvider clock,
    ILogger<GamificationGrain> logger,
    GamificationSettings? settings = null)
    : Grain, ITeamGamificationGrain
{
    /// <summary>Days of counts kept per rep (covers an ISO week and the recent days a personal best compares with).</summary>
    public const int KeptDays = 14;


    /// <summary>
    /// Counts are written behind, at most this often: one write per activity made ingest wait on grain storage.
    /// State is written whole, so after a crash the counts and the RepSeqs seen go back together and the replayed
    /// activities are counted once; awards are written before they are pushed, leader and deal moments behind.
    /// </summary>
    public static readonly TimeSpan WriteBehind = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The "takes the lead" moments kept in the day's feed, the latest ones: a busy team changes leader many times an
    /// hour, and the TV shows a few lines. Awards and deals are all kept (each rule awards once per rep and period).
    /// </summary>
    public const int KeptLeaderMoments = 20;

    private readonly GamificationSettings _settings = settings ?? GamificationSettings.Default;

    private bool _dirty;

    private Team _team = null!;
    private Dictionary<string, Rep> _reps = null!;
    private OrgWatch _orgWatch = null!;
    private RelayList _relays = null!;

    /// <summary>Each rep's day goals by metric, built once per org revision.</summary>
    private readonly Dictionary<string, Dictionary<string, double>> _dayGoals = new(StringComparer.Ordinal);

    /// <summary>The team's counts per local day while one batch is applied (summed over the reps once, then kept up).</summary>
    private readonly Dictionary<string, Dictionary<string, long>> _teamDays = new(StringComparer.Ordinal);

    private GamificationState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var teamId = this.GetPrimaryKeyString();
        _team = org.FindTeam(teamId) ?? throw new InvalidOperationException($"Unknown team '{teamId}'.");
        _reps = _team.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _orgWatch = new OrgWatch(org);
        _relays = new RelayList(GrainFactory, logger, _team.Id);
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(WriteBehind, WriteBehind));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>Takes the team's reps and calendar from a changed org (a removed team keeps what it had; nothing reaches it).</summary>
    private void FollowOrg()
    {
        if (!_orgWatch.Changed())
        {
            return;
        }

        _dayGoals.Clear();
        if (org.FindTeam(_team.Id) is { } team)
        {
            _team = team;
            _reps = team.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public Task RecordAsync(string repId, RecentActivity[] activities) => RecordManyAsync([new RepActivities(repId, activities)]);

    public async Task RecordManyAsync(RepActivities[] batch)
    {
        FollowOrg();
        var now = clock.GetUtcNow();
        RollFeed(now);
        var moments = new List<Moment>();
        var taken = 0;
        _teamDays.Clear();
        foreach (var (repId, activities) in batch)
        {
            if (!_reps.TryGetValue(repId, out var rep))
            {
                continue;
            }

            var seen = State.RepSeqs.GetValueOrDefault(repId);
            var before = taken;
            foreach (var activity in activities.Where(a => a.RepSeq > seen).OrderBy(a => a.RepSeq))
            {
                seen = activity.RepSeq;
                taken++;
                Apply(rep, activity, moments);
            }

            if (taken > before)
            {
                State.RepSeqs[repId] = seen;
                if (Trim(RepState(repId), now))
                {
                    _teamDays.Clear();
                }
            }
        }

        if (taken == 0)
        {
            return;
        }

        LeaderCheck(now, moments);
        State.Feed.AddRange(moments.Select(ToEntry));
        if (moments.Any(m => m.Kind == MomentKinds.Leader))
        {
            TrimLeaderMoments();
        }

        if (moments.Any(m => IsAward(m.Kind)))
        {
            _dirty = false;
            await state.WriteStateAsync();
        }
        else
        {
            // Counts, a new leader or a deal in the feed: written behind. After a crash they go back with the RepSeqs
            // and the replay brings them again; a busy team changes leader many times a minute, and a write per
            // change would make ingest wait on grain storage again.
            _dirty = true;
        }

        await PushAsync(moments);
    }

    /// <summary>Badges, goals met, hot hands and contest wins are awards: stored before they are announced.</summary>
    private static bool IsAward(string kind) => kind is not (MomentKinds.Leader or MomentKinds.Deal);

    public Task<MomentsFeed> GetMomentsAsync()
    {
        FollowOrg();
        var today = RollFeed(clock.GetUtcNow());
        return Task.FromResult(new MomentsFeed(_team.Id, today, [.. State.Feed.Select(e => TeamMoment.Of(_team.Id, ToMoment(e)))]));
    }

    public Task<RepBadges> GetRepBadgesAsync(string repId)
    {
        FollowOrg();
        var rs = State.Reps.GetValueOrDefault(repId) ?? new RepGameState();
        var today = _team.Calendar.LocalDate(clock.GetUtcNow());
        var streak = Streaks.Current(_team.Calendar, rs.MetDays.Select(ParseDay).ToHashSet(), today);
        var awards = rs.Badges
            .OrderBy(b => b.EarnedAt)
            .Select(b => EarnedBadge.From(new BadgeAward(b.RuleId, b.Name, repId, b.PeriodKey, _team.Calendar.ToLocal(b.EarnedAt))));
        return Task.FromResult(new RepBadges(repId, _team.Id, streak, [.. awards]));
    }

    public async Task AddMomentAsync(Moment moment)
    {
        FollowOrg();
        RollFeed(clock.GetUtcNow());
        State.Feed.Add(ToEntry(moment));
        await state.WriteStateAsync();
        await PushAsync([moment]);
    }

    private void Apply(Rep rep, RecentActivity activity, List<Moment> moments)
    {
        var calendar = _team.Calendar;
        var day = calendar.LocalDate(activity.OccurredAt);
        var dayKey = DayKey(day);
        var rs = RepState(rep.Id);
        if (!rs.DayCounts.TryGetValue(dayKey, out var counts))
        {
            rs.DayCounts[dayKey] = counts = new Dictionary<string, long>(StringComparer.Ordinal);
        }

        var dayGoals = DayGoals(rep);
        var progress = calendar.Progress(GoalPeriod.Day, activity.OccurredAt);
        foreach (var (metric, target) in dayGoals)
        {
            var mark = $"{dayKey}|{metric}";
            if (Pace.Evaluate(target, counts.GetValueOrDefault(metric), progress).Status == PaceStatus.AtRisk && !rs.AtRisk.Contains(mark))
            {
                rs.AtRisk.Add(mark);
            }
        }

        var teamDay = TeamDayCounts(dayKey);
        var teamBefore = new Dictionary<string, long>(teamDay, StringComparer.Ordinal);
        teamDay[activity.Type] = teamDay.GetValueOrDefault(activity.Type) + activity.Quantity;
        var before = counts.GetValueOrDefault(activity.Type);
        var after = before + activity.Quantity;
        counts[activity.Type] = after;

        var met = dayGoals.Count > 0 && dayGoals.All(g => counts.GetValueOrDefault(g.Key) >= g.Value);
        if (met && !rs.MetDays.Contains(dayKey))
        {
            rs.MetDays.Add(dayKey);
        }
        else if (!met)
        {
            rs.MetDays.Remove(dayKey);
        }

        if (KeepForHotHand(rs, activity, day, dayKey))
        {
            rs.Recent.Add(new TimedEntry { At = activity.OccurredAt, Metric = activity.Type, Quantity = activity.Quantity });
            var latest = rs.Recent.Max(e => e.At);
            rs.Recent.RemoveAll(e => latest - e.At >= _settings.HotHand.Window);
        }

        if (activity.Quantity <= 0)
        {
            return; // A void lowers the counts and never awards.
        }

        // Moments are for today's feed: a rep grain that reactivates hands over its recent history, which may award
        // badges of earlier days but does not announce them.
        var at = calendar.ToLocal(activity.OccurredAt);
        var live = day == calendar.LocalDate(clock.GetUtcNow());
        if (live && dayGoals.TryGetValue(activity.Type, out var goal) && before < goal && after >= goal)
        {
            moments.Add(new Moment(MomentKinds.Goal, rep.Id, rep.Name, $"{rep.Name} hit the {MetricName(activity.Type)} goal ({goal.ToString(CultureInfo.InvariantCulture)})", activity.Type, (decimal)goal, at));
        }

        if (live && !rs.HotDays.Contains(dayKey)
            && _settings.HotHand.IsHot(rs.Recent.Select(e => new TimedActivity(e.At, e.Metric, e.Quantity)), activity.OccurredAt))
        {
            rs.HotDays.Add(dayKey);
            var window = _settings.HotHand.Window.TotalMinutes.ToString(CultureInfo.InvariantCulture);
            moments.Add(new Moment(MomentKinds.HotHand, rep.Id, rep.Name, $"{rep.Name} is on fire: {_settings.HotHand.Count} in {window} minutes", null, _settings.HotHand.Count, at));
        }

        if (live && org.FindMetric(activity.Type) is { Celebrate: true } celebrated)
        {
            moments.Add(new Moment(MomentKinds.Deal, rep.Id, rep.Name, $"{rep.Name}: {celebrated.Name}", activity.Type, null, at));
        }

        var context = new BadgeContext(
            rep.Id,
            activity.OccurredAt,
            at.TimeOfDay,
            activity.Type,
            counts,
            WeekCounts(rs, day),
            teamBefore,
            PointsOf(counts),
            BestEarlierDayPoints(rs, dayKey),
            dayGoals,
            dayGoals.ToDictionary(g => g.Key, g => Pace.Evaluate(g.Value, counts.GetValueOrDefault(g.Key), progress).Status, StringComparer.Ordinal),
            rs.AtRisk.Where(m => m.StartsWith(dayKey + "|", StringComparison.Ordinal)).Select(m => m[(dayKey.Length + 1)..]).ToHashSet(StringComparer.Ordinal));
        var awarded = rs.Badges.Select(b => BadgeBook.KeyOf(b.RuleId, rep.Id, b.PeriodKey)).ToHashSet(StringComparer.Ordinal);
        foreach (var award in BadgeBook.Evaluate(_settings.Badges, context, day, awarded))
        {
            rs.Badges.Add(new BadgeEntry { RuleId = award.RuleId, Name = award.Name, PeriodKey = award.PeriodKey, EarnedAt = award.EarnedAt });
            if (live)
            {
                moments.Add(new Moment(MomentKinds.Badge, rep.Id, rep.Name, $"{rep.Name} earned {award.Name}", award.RuleId, null, at));
            }

            logger.LogInformation("Rep {RepId} earned {Badge} for {Period}", rep.Id, award.RuleId, award.PeriodKey);
        }
    }

    /// <summary>
    /// Whether the hot-hand window needs this activity: one of the counted metric, on a day whose hot hand is still to
    /// come, or close enough to the next local day to count there. A day already hot is never checked again, so a busy
    /// rep's window stays as small as the rule (and the stored state with it).
    /// </summary>
    private bool KeepForHotHand(RepGameState rs, RecentActivity activity, DateOnly day, string dayKey)
    {
        var hotHand = _settings.HotHand;
        if (hotHand.Metric is not null && hotHand.Metric != activity.Type)
        {
            return false;
        }

        return !rs.HotDays.Contains(dayKey) || _team.Calendar.LocalDate(activity.OccurredAt + hotHand.Window) != day;
    }

    /// <summary>Announces a new leader of today's points (ties broken by name, as on the board).</summary>
    private void LeaderCheck(DateTimeOffset now, List<Moment> moments)
    {
        var todayKey = DayKey(_team.Calendar.LocalDate(now));
        var leader = _team.Reps
            .Select(r => (Rep: r, Points: State.Reps.GetValueOrDefault(r.Id)?.DayCounts.GetValueOrDefault(todayKey) is { } c ? PointsOf(c) : 0))
            .Where(x => x.Points > 0)
            .OrderByDescending(x => x.Points)
            .ThenBy(x => x.Rep.Name, StringComparer.InvariantCultureIgnoreCase)
            .Select(x => (x.Rep, x.Points))
            .FirstOrDefault();
        if (leader.Rep is null || leader.Rep.Id == State.Leader)
        {
            return;
        }

        State.Leader = leader.Rep.Id;
        moments.Add(new Moment(MomentKinds.Leader, leader.Rep.Id, leader.Rep.Name, $"{leader.Rep.Name} takes the lead", null, leader.Points, _team.Calendar.ToLocal(now)));
    }

    /// <summary>Drops the oldest leader moments beyond <see cref="KeptLeaderMoments"/> from the day's feed.</summary>
    private void TrimLeaderMoments()
    {
        var surplus = State.Feed.Count(e => e.Kind == MomentKinds.Leader) - KeptLeaderMoments;
        if (surplus > 0)
        {
            State.Feed.RemoveAll(e => e.Kind == MomentKinds.Leader && surplus-- > 0);
        }
    }

    /// <summary>Starts a new feed (and a new leader race) when the team's local day has changed.</summary>
    private DateOnly RollFeed(DateTimeOffset now)
    {
        var today = _team.Calendar.LocalDate(now);
        var key = DayKey(today);
        if (State.FeedDay != key)
        {
            State.FeedDay = key;
            State.Feed.Clear();
            State.Leader = null;
        }

        return today;
    }

    /// <summary>Drops what is older than the kept days; true when day counts were dropped.</summary>
    private bool Trim(RepGameState rs, DateTimeOffset now)
    {
        var first = DayKey(_team.Calendar.LocalDate(now).AddDays(-KeptDays));
        var dropped = false;
        foreach (var old in rs.DayCounts.Keys.Where(k => string.CompareOrdinal(k, first) < 0).ToList())
        {
            rs.BestOlderDayPoints = Math.Max(rs.BestOlderDayPoints, PointsOf(rs.DayCounts[old]));
            rs.DayCounts.Remove(old);
            dropped = true;
        }

        rs.AtRisk.RemoveAll(m => string.CompareOrdinal(m, first) < 0);
        rs.HotDays.RemoveAll(d => string.CompareOrdinal(d, first) < 0);
        var streakFirst = DayKey(_team.Calendar.LocalDate(now).AddDays(-Streaks.MaxDays));
        rs.MetDays.RemoveAll(d => string.CompareOrdinal(d, streakFirst) < 0);
        return dropped;
    }

    /// <summary>The team's counts of a local day, summed once per batch and kept up as the batch's activities apply.</summary>
    private Dictionary<string, long> TeamDayCounts(string dayKey)
    {
        if (_teamDays.TryGetValue(dayKey, out var kept))
        {
            return kept;
        }

        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        _teamDays[dayKey] = sums;
        foreach (var rs in State.Reps.Values)
        {
            if (rs.DayCounts.TryGetValue(dayKey, out var counts))
            {
                foreach (var (metric, count) in counts)
                {
                    sums[metric] = sums.GetValueOrDefault(metric) + count;
                }
            }
        }

        return sums;
    }

    private static Dictionary<string, long> WeekCounts(RepGameState rs, DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var d = monday; d <= monday.AddDays(6); d = d.AddDays(1))
        {
            if (rs.DayCounts.TryGetValue(DayKey(d), out var counts))
            {
                foreach (var (metric, count) in counts)
                {
                    sums[metric] = sums.GetValueOrDefault(metric) + count;
                }
            }
        }

        return sums;
    }

    private long BestEarlierDayPoints(RepGameState rs, string dayKey) =>
        rs.DayCounts.Where(d => string.CompareOrdinal(d.Key, dayKey) < 0).Select(d => PointsOf(d.Value)).DefaultIfEmpty(0).Max() is var kept
            ? Math.Max(kept, rs.BestOlderDayPoints)
            : rs.BestOlderDayPoints;

    private long PointsOf(Dictionary<string, long> counts) =>
        counts.Sum(c => (org.FindMetric(c.Key)?.Points ?? 0) * c.Value);

    private Dictionary<string, double> DayGoals(Rep rep)
    {
        if (!_dayGoals.TryGetValue(rep.Id, out var goals))
        {
            goals = rep.Goals.Where(g => g.Period == GoalPeriod.Day).GroupBy(g => g.Metric).ToDictionary(g => g.Key, g => g.First().Target, StringComparer.Ordinal);
            _dayGoals[rep.Id] = goals;
        }

        return goals;
    }

    private string MetricName(string key) => org.FindMetric(key)?.Name ?? key;

    private RepGameState RepState(string repId)
    {
        if (!State.Reps.TryGetValue(repId, out var rs))
        {
            State.Reps[repId] = rs = new RepGameState();
        }

        return rs;
    }

    private async Task PushAsync(IReadOnlyList<Moment> moments)
    {
        if (moments.Count == 0)
        {
            return;
        }

        var relays = await _relays.GetAsync();
        foreach (var moment in moments)
        {
            var pushed = TeamMoment.Of(_team.Id, moment);
            foreach (var relay in relays)
            {
                await relay.OnMomentAsync(_team.Id, pushed);
            }
        }
    }

    private static MomentEntry ToEntry(Moment m) =>
        new() { Kind = m.Kind, RepId = m.RepId, Name = m.Name, Text = m.Text, Detail = m.Detail, Value = m.Value, OccurredAt = m.OccurredAt };

    private Moment ToMoment(MomentEntry e) =>
        new(e.Kind, e.RepId, e.Name, e.Text, e.Detail, e.Value, _team.Calendar.ToLocal(e.OccurredAt));

    private static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string key) => DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
