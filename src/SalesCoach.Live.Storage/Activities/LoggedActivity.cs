namespace SalesCoach.Live.Storage.Activities;

/// <summary>
/// An activity as the log holds it. <see cref="Seq"/> grows across the whole log; <see cref="RepSeq"/> grows by
/// exactly one for each new activity of the same rep, so a grain that sees a gap knows it missed something.
/// <see cref="OccurredAt"/> keeps the offset the sender gave.
/// </summary>
public sealed record LoggedActivity(
    long Seq,
    long RepSeq,
    string Id,
    string RepId,
    string Type,
    DateTimeOffset OccurredAt,
    int Quantity,
    decimal? Value,
    string? Source,
    DateTimeOffset ReceivedAt);
