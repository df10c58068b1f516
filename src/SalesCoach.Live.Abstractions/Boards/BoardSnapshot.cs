using SalesCoach.Live.Domain.Boards;

namespace SalesCoach.Live.Abstractions.Boards;

/// <summary>
/// A whole team board at a version (contract section 5, the hub's <c>snapshot</c>): metric definitions, the rep rows
/// ranked, and the team. <see cref="AsOf"/> is in the team's local offset.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardSnapshot(
    [property: Id(0)] string TeamId,
    [property: Id(1)] string TeamName,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] IReadOnlyList<MetricDef> MetricDefs,
    [property: Id(5)] IReadOnlyList<RepRow> Reps,
    [property: Id(6)] TeamRow Team)
{
    /// <summary>A board from the domain's, with rows and team already converted (the team grain keeps them).</summary>
    public static BoardSnapshot Of(Board board, long version, IReadOnlyList<RepRow> reps, TeamRow team) =>
        new(board.TeamId, board.TeamName, version, board.AsOf, [.. board.MetricDefs.Select(MetricDef.From)], reps, team);

    /// <summary>A board from the domain's, converted from scratch.</summary>
    public static BoardSnapshot From(Board board, long version) =>
        Of(board, version, [.. board.Reps.Select(RepRow.From)], TeamRow.From(board.Team));

    /// <summary>The row of a rep, or null when the rep is not on this board.</summary>
    public RepRow? Row(string repId) => Reps.FirstOrDefault(r => r.RepId == repId);
}
