namespace SalesCoach.Live.Abstractions.Teams;

/// <summary>
/// What changed in one rep's day totals. Totals are absolute, so a repeated update is harmless;
/// <see cref="RepSeq"/> lets the team ignore an update older than what it already holds. <see cref="Recent"/> carries
/// the activities behind the change (the team keeps two weeks of them for coaching; it drops ones it has by RepSeq).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RepTallyUpdate(
    [property: Id(0)] string RepId,
    [property: Id(1)] long RepSeq,
    [property: Id(2)] DayTallyChange[] Changes,
    [property: Id(3)] RecentActivity[] Recent);
