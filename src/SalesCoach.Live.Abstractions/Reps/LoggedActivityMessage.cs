namespace SalesCoach.Live.Abstractions.Reps;

/// <summary>An activity the log has accepted, on its way to its rep's grain.</summary>
[GenerateSerializer, Immutable]
public sealed record LoggedActivityMessage(
    [property: Id(0)] long RepSeq,
    [property: Id(1)] string Id,
    [property: Id(2)] string Type,
    [property: Id(3)] DateTimeOffset OccurredAt,
    [property: Id(4)] int Quantity,
    [property: Id(5)] decimal? Value);
