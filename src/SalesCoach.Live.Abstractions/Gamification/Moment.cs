namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>
/// One entry of a team's moments feed: <c>badge</c>, <c>leader</c>, <c>goal</c>, <c>deal</c>, <c>hotHand</c> or <c>competition</c>.
/// </summary>
/// <param name="RepId">The rep (or, for a team-vs-team competition, the winning team id).</param>
/// <param name="Detail">Badge rule id, metric, or competition id.</param>
/// <param name="Value">A number where one belongs (deal amount, goal target, streak length, competition score).</param>
[GenerateSerializer, Immutable]
public sealed record Moment(
    [property: Id(0)] string Kind,
    [property: Id(1)] string RepId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Text,
    [property: Id(4)] string? Detail,
    [property: Id(5)] decimal? Value,
    [property: Id(6)] DateTimeOffset OccurredAt);
