namespace SalesCoach.Live.Abstractions.Boards;

/// <summary>
/// A change of a board (contract section 6, <c>delta</c>): the rows that changed (whole rows) and the whole team, from
/// <see cref="FromVersion"/> to <see cref="Version"/>. A client applies it only on top of <see cref="FromVersion"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardDelta(
    [property: Id(0)] string TeamId,
    [property: Id(1)] long Version,
    [property: Id(2)] long FromVersion,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] IReadOnlyList<RepRow> Reps,
    [property: Id(5)] TeamRow Team);
