namespace SalesCoach.Live.Server.Demo;

/// <summary>Settings under <c>Demo:</c>.</summary>
public sealed class DemoOptions
{
    /// <summary>Seed the demo org and stream simulated activities. Default: true when no <c>Org:File</c> is given.</summary>
    public bool Enabled { get; set; }

    /// <summary>Multiplies every rep's activity rate (2 = twice as busy).</summary>
    public double Speed { get; set; } = 1.0;

    /// <summary>At start, fill the current week up to now, so the boards have a history.</summary>
    public bool Backfill { get; set; } = true;

    /// <summary>Share of the working-hours rate that reps keep up after hours, so the demo moves at any hour.</summary>
    public double AfterHoursShare { get; set; } = 0.08;

    /// <summary>A fixed dev key; when empty one is generated and kept next to the embedded store.</summary>
    public string? ApiKey { get; set; }
}
