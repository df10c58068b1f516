using System.Diagnostics;
using SalesCoach.Live.Server.Ingest;

namespace SalesCoach.Live.Server.Operations;

/// <summary>
/// Wraps one pass of <see cref="IngestPipeline"/>: a trace span <c>ingest</c>, the ingest counters and the batch
/// duration, and the listeners (such as the post-to-delta tracker). Static, so that the pipeline needs one line.
/// </summary>
public static class IngestTelemetry
{
    private static IIngestListener[] _listeners = [];

    /// <summary>Runs <paramref name="ingest"/> on <paramref name="batch"/> and records what became of it.</summary>
    public static async Task<IngestOutcome> TraceAsync(
        IncomingBatch batch, Func<IncomingBatch, CancellationToken, Task<IngestOutcome>> ingest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(ingest);
        using var activity = SalesCoachTelemetry.ActivitySource.StartActivity("ingest");
        var items = batch.Items;
        activity?.SetTag("salescoach.ingest.items", items);
        var started = Stopwatch.GetTimestamp();
        var current = Volatile.Read(ref _listeners);
        var states = current.Length == 0 ? [] : current.Select(l => Safely(() => l.OnIngestStarted(batch, started))).ToArray();
        IngestOutcome outcome;
        try
        {
            outcome = await ingest(batch, cancellationToken);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            SalesCoachTelemetry.IngestBatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", "error"));
            throw;
        }

        var name = Record(outcome, items);
        SalesCoachTelemetry.IngestBatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", name));
        activity?.SetTag("salescoach.ingest.outcome", name);
        if (outcome is IngestOutcome.Recorded recorded)
        {
            activity?.SetTag("salescoach.ingest.accepted", recorded.Accepted);
            activity?.SetTag("salescoach.ingest.duplicates", recorded.Duplicates);
        }
        else
        {
            activity?.SetStatus(ActivityStatusCode.Error, name);
        }

        for (var i = 0; i < current.Length; i++)
        {
            var (listener, state) = (current[i], states[i]);
            Safely(() =>
            {
                listener.OnIngestFinished(state, outcome);
                return null;
            });
        }

        return outcome;
    }

    /// <summary>Adds a listener until the returned handle is disposed.</summary>
    public static IDisposable AddListener(IIngestListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        Update(list => [.. list, listener]);
        return new Registration(listener);
    }

    /// <summary>Runs a listener: whatever it does wrong, ingest goes on (telemetry must never fail a batch).</summary>
    private static object? Safely(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static string Record(IngestOutcome outcome, int items)
    {
        switch (outcome)
        {
            case IngestOutcome.Recorded r:
                SalesCoachTelemetry.IngestActivities.Add(r.Accepted);
                SalesCoachTelemetry.IngestDuplicates.Add(r.Duplicates);
                return "recorded";
            case IngestOutcome.Invalid:
                SalesCoachTelemetry.IngestRejected.Add(items, new KeyValuePair<string, object?>("reason", "invalid"));
                return "invalid";
            case IngestOutcome.TooLarge t:
                SalesCoachTelemetry.IngestRejected.Add(t.Count, new KeyValuePair<string, object?>("reason", "too_large"));
                return "too_large";
            case IngestOutcome.StoreUnavailable:
                SalesCoachTelemetry.IngestRejected.Add(items, new KeyValuePair<string, object?>("reason", "store_unavailable"));
                return "store_unavailable";
            default:
                return "unknown";
        }
    }

    private static void Update(Func<IIngestListener[], IIngestListener[]> change)
    {
        while (true)
        {
            var before = Volatile.Read(ref _listeners);
            if (Interlocked.CompareExchange(ref _listeners, change(before), before) == before)
            {
                return;
            }
        }
    }

    private sealed class Registration(IIngestListener listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Update(list => list.Where(l => !ReferenceEquals(l, listener)).ToArray());
            }
        }
    }
}
