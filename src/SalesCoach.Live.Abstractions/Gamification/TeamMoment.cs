using System.Text.Json.Serialization;

namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>
/// A <see cref="Moment"/> of a team as pushed over the hub (<c>moment</c>) and listed in the feed. <see cref="Detail"/>
/// and <see cref="Value"/> are left out of the JSON when null.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TeamMoment(
    [property: Id(0)] string TeamId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string RepId,
    [property: Id(3)] string Name,
    [property: Id(4)] string Text,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail,
    [property: Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Value,
    [property: Id(7)] DateTimeOffset OccurredAt)
{
    public static TeamMoment Of(string teamId, Moment moment) =>
        new(teamId, moment.Kind, moment.RepId, moment.Name, moment.Text, moment.Detail, moment.Value, moment.OccurredAt);
}

/// <summary>A team's moments of one local day, oldest first (<c>GET /api/teams/{teamId}/moments</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record MomentsFeed(
    [property: Id(0)] string TeamId,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] IReadOnlyList<TeamMoment> Moments);
