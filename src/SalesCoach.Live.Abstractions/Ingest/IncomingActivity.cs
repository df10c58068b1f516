namespace SalesCoach.Live.Abstractions.Ingest;

/// <summary>
/// An activity to ingest (contract section 4), as an edge read it: the HTTP body, a webhook mapping, a CSV row or the
/// demo simulator. Typed but not yet validated: null means the field was absent (or JSON <c>null</c>), so the rules
/// can still say "is required"; a field the edge could not read at all (a number for <c>id</c>, a time without an
/// offset) is null here and reported by the edge with its own message. The ingest rules (lengths, known rep and
/// metric, ranges, the future limit) run on this record, the same for every edge.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IncomingActivity(
    [property: Id(0)] string? Id,
    [property: Id(1)] string? RepId,
    [property: Id(2)] string? Type,
    [property: Id(3)] DateTimeOffset? OccurredAt,
    [property: Id(4)] int? Quantity = null,
    [property: Id(5)] decimal? Value = null,
    [property: Id(6)] string? Source = null)
{
    /// <summary>An item with nothing in it: the place of an item the edge could not read (such as a string in the array).</summary>
    public static readonly IncomingActivity Unreadable = new(null, null, null, null);
}
