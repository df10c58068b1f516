namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>
/// A contest as a manager created it (validated by the endpoint). <see cref="Scope"/>: <c>reps</c> or <c>teams</c>;
/// <see cref="By"/>: <c>points</c>, <c>attainment</c> or a metric key; <see cref="Finish"/>: <c>most</c> or <c>firstTo</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CompetitionSpec(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string TeamId,
    [property: Id(3)] string Scope,
    [property: Id(4)] string[] Participants,
    [property: Id(5)] string By,
    [property: Id(6)] string Finish,
    [property: Id(7)] double Target,
    [property: Id(8)] DateTimeOffset Start,
    [property: Id(9)] DateTimeOffset End,
    [property: Id(10)] Dictionary<string, double> Handicaps);
