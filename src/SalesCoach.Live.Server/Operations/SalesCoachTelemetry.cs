using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SalesCoach.Live.Server.Operations;

/// <summary>
/// The product's own meter and activity source, both named <see cref="Name"/>. Instruments (Prometheus names in
/// brackets): <c>salescoach.ingest.activities</c> [salescoach_ingest_activities_total], <c>salescoach.ingest.duplicates</c>,
/// <c>salescoach.ingest.rejected</c> (by <c>reason</c>), <c>salescoach.ingest.batch.duration</c> (seconds, by
/// <c>outcome</c>), <c>salescoach.hub.connections</c>, <c>salescoach.post_to_delta.latency</c> (seconds) and
/// <c>salescoach.webhooks.events</c> (by <c>source</c> and <c>outcome</c>).
/// </summary>
public static class SalesCoachTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "SalesCoach.Live";

    // Seconds: from a fraction of a millisecond (an in-memory duplicate batch) to ten seconds (a store timing out).
    private static readonly IReadOnlyList<double> LatencyBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static readonly Meter Meter = new(Name, typeof(SalesCoachTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly ActivitySource ActivitySource = new(Name, typeof(SalesCoachTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Activities recorded (new in the log).</summary>
    public static readonly Counter<long> IngestActivities = Meter.CreateCounter<long>(
        "salescoach.ingest.activities", "{activity}", "Activities recorded in the log (new ids).");

    /// <summary>Activities whose id was seen before.</summary>
    public static readonly Counter<long> IngestDuplicates = Meter.CreateCounter<long>(
        "salescoach.ingest.duplicates", "{activity}", "Activities not recorded because their id was seen before.");

    /// <summary>Items of batches that were refused, tagged with <c>reason</c>.</summary>
    public static readonly Counter<long> IngestRejected = Meter.CreateCounter<long>(
        "salescoach.ingest.rejected", "{activity}", "Items of refused batches (reason: invalid, too_large, store_unavailable).");

    /// <summary>How long one batch took through validation, the log and the grains.</summary>
    public static readonly Histogram<double> IngestBatchDuration = Meter.CreateHistogram(
        "salescoach.ingest.batch.duration", "s", "Time of one batch through validation, the durable log and the rep grains.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });

    /// <summary>Clients connected to the live hub on this node.</summary>
    public static readonly UpDownCounter<long> HubConnections = Meter.CreateUpDownCounter<long>(
        "salescoach.hub.connections", "{connection}", "Clients connected to the live hub on this node.");

    /// <summary>From a post that changed a team's numbers to the first delta of that team this node forwards.</summary>
    public static readonly Histogram<double> PostToDeltaLatency = Meter.CreateHistogram(
        "salescoach.post_to_delta.latency", "s", "From the start of an ingest request to the next delta of an affected team forwarded by this node.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });

    /// <summary>Webhook events by <c>source</c> and <c>outcome</c> (accepted, duplicate, filtered, dead_lettered).</summary>
    public static readonly Counter<long> WebhookEvents = Meter.CreateCounter<long>(
        "salescoach.webhooks.events", "{event}", "Webhook events by source and outcome (accepted, duplicate, filtered, dead_lettered).");
}
