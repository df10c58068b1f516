namespace SalesCoach.Live.Server.Ingest;

/// <summary>What became of a batch: recorded (with counts), refused item by item, or too large.</summary>
public abstract record IngestOutcome
{
    private IngestOutcome()
    {
    }

    /// <summary>Durable in the log; <paramref name="Duplicates"/> were seen before and not applied again.</summary>
    public sealed record Recorded(int Accepted, int Duplicates) : IngestOutcome;

    /// <summary>Nothing recorded; the problems by item and field (<see cref="IngestErrors.ToDictionary"/> keys them as <c>[3].repId</c>).</summary>
    public sealed record Invalid(IngestErrors Errors) : IngestOutcome;

    /// <summary>Nothing recorded: more items than <see cref="IngestLimits.MaxBatch"/>.</summary>
    public sealed record TooLarge(int Count) : IngestOutcome;

    /// <summary>
    /// The store did not answer in time or failed: nothing was acknowledged. The batch may still land (a transaction
    /// in flight), which is harmless: ids make the retry a duplicate.
    /// </summary>
    public sealed record StoreUnavailable(TimeSpan RetryAfter) : IngestOutcome;
}
