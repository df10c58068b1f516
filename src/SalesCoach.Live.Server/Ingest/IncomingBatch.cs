using SalesCoach.Live.Abstractions.Ingest;

namespace SalesCoach.Live.Server.Ingest;

/// <summary>
/// What an edge hands <see cref="IngestPipeline"/>: the activities it read, whether the body was one object rather
/// than an array (the error keys then have no index), and the problems it met while reading (a number where a string
/// belongs, a time without an offset), whose items keep their place as <see cref="IncomingActivity.Unreadable"/> or
/// with the unreadable field null.
/// </summary>
public sealed class IncomingBatch
{
    public IncomingBatch(IReadOnlyList<IncomingActivity> activities, bool single = false, IngestErrors? readErrors = null, int? items = null)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (readErrors is not null && readErrors.Single != single)
        {
            throw new ArgumentException("The read errors must be keyed like the batch (single or array).", nameof(readErrors));
        }

        Activities = activities;
        Single = single;
        ReadErrors = readErrors is { Count: > 0 } ? readErrors : null;
        Items = items ?? activities.Count;
    }

    public IReadOnlyList<IncomingActivity> Activities { get; }

    /// <summary>True when the body was one activity object: error keys are plain field names.</summary>
    public bool Single { get; }

    /// <summary>What the edge could not read, or null.</summary>
    public IngestErrors? ReadErrors { get; }

    /// <summary>
    /// How many items the body held: <see cref="Activities"/>' count, or for a body the edge did not read on (an array
    /// of more than <see cref="IngestLimits.MaxBatch"/>, a body that is not activities) the count it saw.
    /// </summary>
    public int Items { get; }

    /// <summary>A body too large to read item by item: the pipeline answers "too large" (413) without looking further.</summary>
    public static IncomingBatch TooLarge(int items) => new([], items: items);
}
