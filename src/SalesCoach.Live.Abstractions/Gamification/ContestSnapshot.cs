using System.Text.Json.Serialization;

namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>Who competes in a contest (JSON <c>reps</c>, <c>teams</c>).</summary>
[GenerateSerializer]
public enum ContestScope
{
    Reps,
    Teams,
}

/// <summary>How a contest is won (JSON <c>most</c>, <c>firstTo</c>).</summary>
[GenerateSerializer]
public enum ContestFinish
{
    Most,
    FirstTo,
}

/// <summary>Where a contest is at <c>asOf</c> (JSON <c>upcoming</c>, <c>running</c>, <c>ending</c>, <c>decided</c>).</summary>
[GenerateSerializer]
public enum ContestStatus
{
    Upcoming,
    Running,
    /// <summary>Past its end, waiting for the end reminder to decide it.</summary>
    Ending,
    Decided,
}

/// <summary>One participant's place: score to four decimals, and when a first-to contest's target was reached.</summary>
[GenerateSerializer, Immutable]
public sealed record ContestStanding(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int Rank,
    [property: Id(3)] double Score,
    [property: Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ReachedAt);

/// <summary>One field of a rule change: <c>name</c>, <c>end</c>, <c>target</c> or <c>handicaps.{repId}</c>, from → to as text.</summary>
[GenerateSerializer, Immutable]
public sealed record ContestFieldChange(
    [property: Id(0)] string Field,
    [property: Id(1)] string? From,
    [property: Id(2)] string? To);

/// <summary>A change of a contest's rules while it ran: when, who, and what.</summary>
[GenerateSerializer, Immutable]
public sealed record ContestRuleChange(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] IReadOnlyList<ContestFieldChange> Changes);

/// <summary>
/// A contest with its live standings (<c>GET /api/competitions/{id}</c>), instants in the owning team's offset.
/// <see cref="Target"/> is written for a first-to contest only; <see cref="WinnerId"/> is written as null until decided.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ContestSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string TeamId,
    [property: Id(3)] ContestScope Scope,
    [property: Id(4)] string By,
    [property: Id(5)] ContestFinish Finish,
    [property: Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Target,
    [property: Id(7)] DateTimeOffset Start,
    [property: Id(8)] DateTimeOffset End,
    [property: Id(9)] Dictionary<string, double> Handicaps,
    [property: Id(10)] DateTimeOffset AsOf,
    [property: Id(11)] ContestStatus Status,
    [property: Id(12)] string? WinnerId,
    [property: Id(13)] IReadOnlyList<ContestStanding> Standings,
    [property: Id(14)] IReadOnlyList<ContestRuleChange> RuleChanges);
