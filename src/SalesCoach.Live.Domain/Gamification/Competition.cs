namespace SalesCoach.Live.Domain.Gamification;

/// <summary>
/// A time-boxed contest. Participants are rep ids or team ids (<see cref="Scope"/>). <see cref="Handicaps"/> multiplies
/// a rep's score (1.25 for a rep in ramp); reps not listed count at 1. A team's score is the mean of its reps' scores.
/// </summary>
/// <param name="TeamId">The team whose time zone and moments feed the contest uses.</param>
/// <param name="Target">The score to reach for <see cref="CompetitionFinish.FirstTo"/>.</param>
public sealed record Competition(
    string Id,
    string Name,
    string TeamId,
    CompetitionScope Scope,
    IReadOnlyList<string> Participants,
    ScoreBasis Basis,
    string? Metric,
    CompetitionFinish Finish,
    double Target,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyDictionary<string, double> Handicaps);
