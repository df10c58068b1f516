using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Boards;

/// <summary>A team's board at an instant: reps ranked by the day's score, and the team's totals.</summary>
/// <param name="AsOf">The instant, in the team's local offset.</param>
public sealed record Board(string TeamId, string TeamName, DateTimeOffset AsOf, IReadOnlyList<Metric> MetricDefs, IReadOnlyList<BoardRow> Reps, TeamTotals Team);
