using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>
/// The pace of one goal as a board row or the team carries it (contract section 5): actual, goal, expected, ratios and
/// status (by their contract names, as the views print and style them), with the metric's longer periods (a week goal
/// beside a day goal) in <see cref="OtherPeriods"/>.
/// </summary>
public sealed record MetricCell(
    string Period,
    double Actual,
    double? Goal,
    double? Expected,
    double? PaceRatio,
    double? Projected,
    double? NeededPerHour,
    string Status,
    IReadOnlyDictionary<string, MetricCell> OtherPeriods)
{
    /// <summary>A record's cell: its primary figures, and the other periods keyed by period name.</summary>
    public static MetricCell From(Abstractions.Boards.MetricCell cell) =>
        Of(cell.Primary, cell.OtherPeriods.ToDictionary(p => p.Period.ToName(), p => Of(p, new Dictionary<string, MetricCell>()), StringComparer.Ordinal));

    /// <summary>This period and the longer ones, shortest first.</summary>
    public IEnumerable<MetricCell> AllPeriods => OtherPeriods.Count == 0 ? [this] : [this, .. OtherPeriods.Values];

    private static MetricCell Of(PeriodFigures f, IReadOnlyDictionary<string, MetricCell> others) =>
        new(f.Period.ToName(), f.Actual, f.Goal, f.Expected, f.PaceRatio, f.Projected, f.NeededPerHour, f.Status.ToName(), others);
}
