namespace SalesCoach.Live.Server.Ingest;

/// <summary>The limits of contract section 4.</summary>
public static class IngestLimits
{
    public const int MaxBatch = 5_000;
    public const int MaxIdLength = 128;
    public const int MaxSourceLength = 64;
    public const int MaxQuantity = 10_000;

    /// <summary>The largest request body Kestrel accepts (16 MiB: ten times a full batch).</summary>
    public const long MaxBodyBytes = 16 * 1024 * 1024;
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);
}
