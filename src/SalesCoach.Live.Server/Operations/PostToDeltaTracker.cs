using System.Collections.Concurrent;
using System.Diagnostics;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Server.Live;

namespace SalesCoach.Live.Server.Operations;

/// <summary>
/// Measures <c>salescoach.post_to_delta.latency</c> without touching the grains: when a batch starts, each team of its
/// reps is marked with the batch's start (the oldest mark wins); the first delta of that team that this node's relay
/// forwards afterwards records the time since the mark and clears it. A batch that records nothing takes its marks
/// back; marks older than <see cref="MaxAge"/> (a change that moved no board) are dropped unmeasured.
/// </summary>
/// <remarks>
/// Approximate by design: a delta that was already on its way when the batch started also clears the mark (the team
/// pushes at most one delta per 250 ms), and a post taken by one node is measured only by that node's relay.
/// </remarks>
public sealed class PostToDeltaTracker(Organization org, NodeLiveRelay relay) : IHostedService, IIngestListener
{
    /// <summary>Marks older than this are dropped unmeasured.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, long> _pending = new(StringComparer.Ordinal);
    private IDisposable? _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        relay.Pushed += OnPushed;
        _registration = IngestTelemetry.AddListener(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration?.Dispose();
        relay.Pushed -= OnPushed;
        return Task.CompletedTask;
    }

    public object? OnIngestStarted(IncomingBatch batch, long startTimestamp)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var teams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in batch.Activities)
        {
            // Before validation: a rep the org does not know marks nothing (the batch is refused anyway).
            if (item.RepId is { } repId && org.FindRep(repId) is { } rep)
            {
                teams.Add(rep.TeamId);
            }
        }

        foreach (var team in teams)
        {
            _pending.AddOrUpdate(team, startTimestamp, (_, existing) => Stopwatch.GetElapsedTime(existing) > MaxAge ? startTimestamp : existing);
        }

        return (teams, startTimestamp);
    }

    public void OnIngestFinished(object? state, IngestOutcome outcome)
    {
        if (outcome is IngestOutcome.Recorded { Accepted: > 0 } || state is not (HashSet<string> teams, long start))
        {
            return;
        }

        foreach (var team in teams)
        {
            _pending.TryRemove(new KeyValuePair<string, long>(team, start));
        }
    }

    private void OnPushed(string teamId, string method, object payload)
    {
        if (method != "delta" || !_pending.TryRemove(teamId, out var start))
        {
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        if (elapsed <= MaxAge)
        {
            SalesCoachTelemetry.PostToDeltaLatency.Record(elapsed.TotalSeconds);
        }
    }
}
