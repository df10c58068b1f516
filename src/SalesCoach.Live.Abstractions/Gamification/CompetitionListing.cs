namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>A contest in a team's directory.</summary>
[GenerateSerializer, Immutable]
public sealed record CompetitionListing(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset End);
