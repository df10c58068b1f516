using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SalesCoach.Live.Server.Operations;

namespace SalesCoach.Live.Server.Connectors;

/// <summary>
/// The connectors' instruments on the product's meter (<see cref="SalesCoachTelemetry.Meter"/>), by <c>connector</c>:
/// <c>salescoach.connectors.counted</c> [salescoach_connectors_counted_total] (activities counted),
/// <c>salescoach.connectors.errors</c> (failed processing or sync runs), <c>salescoach.connectors.pending</c>
/// (inbox items not yet processed) and <c>salescoach.connectors.lag</c> (seconds since the oldest of them arrived).
/// </summary>
public static class ConnectorTelemetry
{
    private static readonly ConcurrentDictionary<string, (long Pending, double LagSeconds)> Inbox = new(StringComparer.Ordinal);

    private static readonly Counter<long> Counted = SalesCoachTelemetry.Meter.CreateCounter<long>(
        "salescoach.connectors.counted", "{activity}", "Activities a connector counted (new in the log).");

    private static readonly Counter<long> Errors = SalesCoachTelemetry.Meter.CreateCounter<long>(
        "salescoach.connectors.errors", "{run}", "Connector processing or sync runs that failed (retried later).");

    static ConnectorTelemetry()
    {
        SalesCoachTelemetry.Meter.CreateObservableGauge(
            "salescoach.connectors.pending",
            () => Inbox.Select(kv => new Measurement<long>(kv.Value.Pending, new KeyValuePair<string, object?>("connector", kv.Key))),
            "{notification}",
            "Webhook notifications acknowledged and not yet processed.");
        SalesCoachTelemetry.Meter.CreateObservableGauge(
            "salescoach.connectors.lag",
            () => Inbox.Select(kv => new Measurement<double>(kv.Value.LagSeconds, new KeyValuePair<string, object?>("connector", kv.Key))),
            "s",
            "Age of the oldest notification not yet processed (0 when none waits).");
    }

    public static void Processed(string connector, int counted) =>
        Counted.Add(counted, new KeyValuePair<string, object?>("connector", connector.ToLowerInvariant()));

    public static void Failed(string connector) =>
        Errors.Add(1, new KeyValuePair<string, object?>("connector", connector.ToLowerInvariant()));

    /// <summary>The inbox as the processor last saw it.</summary>
    public static void Observe(string connector, long pending, TimeSpan lag) =>
        Inbox[connector.ToLowerInvariant()] = (pending, Math.Max(0, lag.TotalSeconds));
}
