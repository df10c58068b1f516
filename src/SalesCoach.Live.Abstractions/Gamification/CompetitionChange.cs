namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>
/// A change of a running contest's rules (validated by the endpoint). Null fields stay as they are; a handicap of 1
/// removes the rep's handicap. <see cref="ChangedBy"/> is the name of the principal who asked, kept in the log.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CompetitionChange(
    [property: Id(0)] string ChangedBy,
    [property: Id(1)] string? Name,
    [property: Id(2)] DateTimeOffset? End,
    [property: Id(3)] double? Target,
    [property: Id(4)] Dictionary<string, double>? Handicaps);
