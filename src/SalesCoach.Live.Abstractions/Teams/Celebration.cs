namespace SalesCoach.Live.Abstractions.Teams;

/// <summary>An accepted activity of a celebrated metric (contract section 6, <c>celebration</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record Celebration(
    [property: Id(0)] string TeamId,
    [property: Id(1)] string RepId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Metric,
    [property: Id(4)] decimal? Value,
    [property: Id(5)] DateTimeOffset OccurredAt);
