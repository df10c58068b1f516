using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Coaching;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Grains.Coaching;

/// <summary>
/// The live coaching queue of one team, kept by its team grain: two weeks of each rep's activities (for idle, trend
/// and conversion), what was flagged last time (for hysteresis), since when each rep is in the queue, and the
/// managers' acknowledgements (an acknowledged item stays quiet until it gets worse).
/// </summary>
internal sealed class TeamCoach(Team team, IReadOnlyList<Metric> metrics, CoachingSettings settings, FocusRules focus, CoachingAcknowledgements acknowledgements)
{
    /// <summary>How far back activities are kept: four comparable working days can reach well over a week back.</summary>
    public static readonly TimeSpan HistorySpan = TimeSpan.FromDays(15);

    /// <summary>An acknowledged item comes back when its priority rises by this much.</summary>
    public const int WorseBy = 10;

    private readonly Dictionary<string, Dictionary<long, TimedActivity>> _history = team.Reps.ToDictionary(r => r.Id, _ => new Dictionary<long, TimedActivity>(), StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _since = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CoachingAcknowledgements.Acknowledgement> _acks = acknowledgements.ByRep;
    private HashSet<(string RepId, string Code)> _flagged = [];
    private List<CoachingItem> _items = [];
    private bool _acksChanged;

    /// <summary>The queue as the managers see it (quiet items left out), most urgent first.</summary>
    public IReadOnlyList<CoachingQueueItem> Queue { get; private set; } = [];

    /// <summary>Keeps an activity (a repeated <paramref name="repSeq"/> is the same activity).</summary>
    public void Add(string repId, long repSeq, TimedActivity activity)
    {
        if (_history.TryGetValue(repId, out var activities))
        {
            activities[repSeq] = activity;
        }
    }

    public void DropBefore(DateTimeOffset first)
    {
        foreach (var activities in _history.Values)
        {
            foreach (var seq in activities.Where(a => a.Value.OccurredAt < first).Select(a => a.Key).ToList())
            {
                activities.Remove(seq);
            }
        }
    }

    /// <summary>True when acknowledgements changed since the last call (the grain then writes them to storage).</summary>
    public bool TakeAcknowledgementsChanged()
    {
        var changed = _acksChanged;
        _acksChanged = false;
        return changed;
    }

    /// <summary>Re-evaluates against the board at <paramref name="now"/>; true when the queue changed (by value).</summary>
    public bool Evaluate(Board board, DateTimeOffset now)
    {
        var history = _history.ToDictionary(h => h.Key, h => (IReadOnlyList<TimedActivity>)h.Value.Values.ToList(), StringComparer.Ordinal);
        _items = CoachingEvaluator.Evaluate(team, metrics, board, history, now, settings, focus, _flagged).ToList();
        _flagged = _items.SelectMany(i => i.Reasons.Where(r => r.Code != ReasonCodes.ReadyForRecognition).Select(r => (i.RepId, r.Code))).ToHashSet();

        var inQueue = _items.Select(i => i.RepId).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _since.Keys.Where(r => !inQueue.Contains(r)).ToList())
        {
            _since.Remove(gone);
        }

        foreach (var gone in _acks.Keys.Where(r => !inQueue.Contains(r)).ToList())
        {
            _acks.Remove(gone);
            _acksChanged = true;
        }

        foreach (var item in _items)
        {
            _since.TryAdd(item.RepId, now);
        }

        var queue = CoachingQueueItem.Queue(_items.Where(i => !Quiet(i, now)), rep => _since.GetValueOrDefault(rep));
        var changed = !queue.SequenceEqual(Queue);
        Queue = queue;
        return changed;
    }

    /// <summary>Acknowledges the rep's current item; false when the rep is not in the queue.</summary>
    public bool Acknowledge(string repId, DateTimeOffset? snoozeUntil)
    {
        if (_items.FirstOrDefault(i => i.RepId == repId) is not { } item)
        {
            return false;
        }

        _acks[repId] = new CoachingAcknowledgements.Acknowledgement
        {
            Priority = item.Priority,
            Codes = [.. item.Reasons.Select(r => r.Code).Distinct()],
            SnoozeUntil = snoozeUntil,
        };
        _acksChanged = true;
        return true;
    }

    private bool Quiet(CoachingItem item, DateTimeOffset now)
    {
        if (!_acks.TryGetValue(item.RepId, out var ack))
        {
            return false;
        }

        var worse = item.Priority >= ack.Priority + WorseBy || item.Reasons.Any(r => !ack.Codes.Contains(r.Code));
        var snoozeOver = ack.SnoozeUntil is { } until && now >= until;
        return !worse && !snoozeOver;
    }

}
