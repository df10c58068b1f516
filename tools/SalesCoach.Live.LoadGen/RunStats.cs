using System.Collections.Concurrent;
using System.Diagnostics;

namespace SalesCoach.Live.LoadGen;

/// <summary>One rep as the load generator knows it: its board count at the start, and when each of our activities for it was posted.</summary>
internal sealed class RepTrack(string id, string teamId, int indexInTeam, long baseline)
{
    private readonly List<long> _sent = [];
    private long _acked;

    public string Id { get; } = id;

    public string TeamId { get; } = teamId;

    public int IndexInTeam { get; } = indexInTeam;

    /// <summary>The rep's <c>metrics.call.actual</c> before the run.</summary>
    public long Baseline { get; } = baseline;

    public Lock Gate { get; } = new();

    /// <summary>Activities acknowledged (202) for this rep.</summary>
    public long Acked => Interlocked.Read(ref _acked);

    public int SentCount
    {
        get
        {
            lock (Gate)
            {
                return _sent.Count;
            }
        }
    }

    /// <summary>Appends the POST start of one more activity: the rep's count <c>Baseline + n</c> is that activity.</summary>
    public void RecordSent(long timestamp)
    {
        lock (Gate)
        {
            _sent.Add(timestamp);
        }
    }

    public void RecordAcked() => Interlocked.Increment(ref _acked);

    /// <summary>
    /// A client saw the count <paramref name="count"/> (relative to the baseline) at <paramref name="now"/>, having
    /// seen <paramref name="seen"/> before: records the post-to-screen latency of each activity newly seen.
    /// Returns the new seen count, and how many of the count are not ours (nothing posted explains them).
    /// </summary>
    public (int Seen, long Foreign) Observe(long count, int seen, long now, long measureStart, LatencyHistogram histogram, DeltaSplit? split = null)
    {
        if (count <= seen)
        {
            return (seen, 0);
        }

        lock (Gate)
        {
            var upto = (int)Math.Min(count, _sent.Count);
            for (var i = seen; i < upto; i++)
            {
                if (_sent[i] >= measureStart)
                {
                    histogram.RecordTicks(_sent[i], now);
                    if (split is { } s)
                    {
                        s.PostToFirst.RecordTicks(_sent[i], s.FirstArrival);
                        s.FirstToThis.RecordTicks(s.FirstArrival, now);
                    }
                }
            }

            return (Math.Max(seen, upto), Math.Max(0, count - _sent.Count));
        }
    }
}

/// <summary>
/// Where a delta's post-to-screen time went: from the POST to the first of the team's clients to get that delta
/// (ingest, grains, the contract's coalescing wait, one hub send), and from that first client to this one (the fan-out:
/// hub sends queued behind each other, and the load generator's own CPU).
/// </summary>
internal sealed record DeltaSplit(long FirstArrival, LatencyHistogram PostToFirst, LatencyHistogram FirstToThis);

/// <summary>A team as discovered from <c>GET /api/teams</c> and its board.</summary>
internal sealed class TeamTrack(string id, IReadOnlyList<RepTrack> reps)
{
    public string Id { get; } = id;

    public IReadOnlyList<RepTrack> Reps { get; } = reps;

    public IReadOnlyDictionary<string, RepTrack> ById { get; } = reps.ToDictionary(r => r.Id, StringComparer.Ordinal);

    private readonly ConcurrentDictionary<long, long> _firstArrivals = new();

    /// <summary>When the first of this team's clients got delta <paramref name="version"/> (this arrival if it is the first).</summary>
    public long FirstArrival(long version, long now)
    {
        var first = _firstArrivals.GetOrAdd(version, now);
        if (first == now && version % 64 == 0)
        {
            foreach (var old in _firstArrivals.Keys.Where(v => v < version - 64))
            {
                _firstArrivals.TryRemove(old, out _);
            }
        }

        return first;
    }
}

/// <summary>Counters shared by posters, clients and the progress printer.</summary>
internal sealed class RunStats
{
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _posted;
    private long _requests;
    private long _accepted;
    private long _duplicates;
    private long _acceptedMeasured;
    private long _lastAck;
    private long _connected;
    private long _gaps;
    private long _foreign;

    public LatencyHistogram Http { get; } = new();

    public LatencyHistogram PostToScreen { get; } = new();

    /// <summary>Post-to-screen of activities seen in deltas, up to the first of the team's clients to get the delta.</summary>
    public LatencyHistogram PostToFirst { get; } = new();

    /// <summary>Post-to-screen of activities seen in deltas, from the first of the team's clients to this one.</summary>
    public LatencyHistogram FirstToThis { get; } = new();

    /// <summary>Stopwatch timestamp from which samples count (after the warm-up).</summary>
    public long MeasureStart { get; set; } = long.MaxValue;

    public long Posted => Interlocked.Read(ref _posted);

    public long Requests => Interlocked.Read(ref _requests);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long AcceptedMeasured => Interlocked.Read(ref _acceptedMeasured);

    public long LastAck => Interlocked.Read(ref _lastAck);

    public long Connected => Interlocked.Read(ref _connected);

    public long Gaps => Interlocked.Read(ref _gaps);

    public long Foreign => Interlocked.Read(ref _foreign);

    public IReadOnlyDictionary<string, long> Errors => new SortedDictionary<string, long>(_errors, StringComparer.Ordinal);

    public long ErrorCount => _errors.Values.Sum();

    public void AddPosted(int count)
    {
        Interlocked.Add(ref _posted, count);
        Interlocked.Increment(ref _requests);
    }

    public void AddAck(long accepted, long duplicates)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _accepted, accepted);
        Interlocked.Add(ref _duplicates, duplicates);
        // Throughput counts what the server acknowledged after the warm-up, whenever the POST started: a backlog
        // posted late (behind schedule) is then not credited to the measured window twice.
        if (now >= MeasureStart)
        {
            Interlocked.Add(ref _acceptedMeasured, accepted);
        }

        long last;
        do
        {
            last = Interlocked.Read(ref _lastAck);
        }
        while (now > last && Interlocked.CompareExchange(ref _lastAck, now, last) != last);
    }

    public void Error(string kind) => _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public void ClientConnected() => Interlocked.Increment(ref _connected);

    public void ClientDisconnected() => Interlocked.Decrement(ref _connected);

    public void Gap() => Interlocked.Increment(ref _gaps);

    public void AddForeign(long count) => Interlocked.Add(ref _foreign, count);
}
