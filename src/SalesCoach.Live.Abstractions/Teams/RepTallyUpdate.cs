namespace SalesCoach.Live.Abstractions.Teams;

/// <summary>
/// What changed in one rep's day totals. Totals are absolute, so a repeated update is harmless;
/// <see cref="RepSeq"/> lets the team ignore an update older than what it already holds.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RepTallyUpdate(
    [property: Id(0)] string RepId,
    [property: Id(1)] long RepSeq,
    [property: Id(2)] DayTallyChange[] Changes);
