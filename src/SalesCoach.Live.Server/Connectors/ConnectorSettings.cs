using System.Globalization;

namespace SalesCoach.Live.Server.Connectors;

/// <summary>
/// The server-side settings of the connectors (not per vendor): <c>Connectors:ProcessIntervalMs</c> (how often an idle
/// processor looks at the inbox, default 1000), <c>Connectors:LeaseSeconds</c> (60), <c>Connectors:RetryBaseSeconds</c>
/// (5; doubled per attempt), <c>Connectors:RetryMaxSeconds</c> (900), <c>Connectors:MaxBodyBytes</c> (1 MiB),
/// <c>Connectors:FailingAfterMinutes</c> (15: <c>/healthz</c> says <c>degraded</c>), and per connector
/// <c>Connectors:{Name}:BackfillFrom</c> (a date or instant; default the start of the current quarter, UTC).
/// </summary>
public sealed class ConnectorSettings(IConfiguration configuration)
{
    public TimeSpan ProcessInterval { get; } = TimeSpan.FromMilliseconds(configuration.GetValue("Connectors:ProcessIntervalMs", 1000.0));

    public TimeSpan Lease { get; } = TimeSpan.FromSeconds(configuration.GetValue("Connectors:LeaseSeconds", 60.0));

    public TimeSpan RetryBase { get; } = TimeSpan.FromSeconds(configuration.GetValue("Connectors:RetryBaseSeconds", 5.0));

    public TimeSpan RetryMax { get; } = TimeSpan.FromSeconds(configuration.GetValue("Connectors:RetryMaxSeconds", 900.0));

    public long MaxBodyBytes { get; } = configuration.GetValue("Connectors:MaxBodyBytes", 1024L * 1024);

    public TimeSpan FailingAfter { get; } = TimeSpan.FromMinutes(configuration.GetValue("Connectors:FailingAfterMinutes", 15.0));

    /// <summary>A sync reads again from this long before the last one started (clocks and indexing differ; counting is idempotent).</summary>
    public TimeSpan SyncOverlap { get; } = TimeSpan.FromMinutes(1);

    /// <summary>Where the first sync starts: <c>Connectors:{Name}:BackfillFrom</c>, else the start of <paramref name="now"/>'s quarter (UTC).</summary>
    public DateTimeOffset BackfillFrom(string connector, DateTimeOffset now)
    {
        var configured = configuration[$"Connectors:{connector}:BackfillFrom"];
        if (!string.IsNullOrWhiteSpace(configured)
            && DateTimeOffset.TryParse(configured, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from))
        {
            return from;
        }

        var utc = now.UtcDateTime;
        return new DateTimeOffset(utc.Year, ((utc.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
