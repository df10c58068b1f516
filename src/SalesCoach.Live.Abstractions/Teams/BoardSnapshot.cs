namespace SalesCoach.Live.Abstractions.Teams;

/// <summary>A whole board as contract JSON (UTF-8), serialised once by the team grain.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardSnapshot([property: Id(0)] long Version, [property: Id(1)] byte[] Json);
