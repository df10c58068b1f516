using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;

namespace SalesCoach.Live.Abstractions.Boards;

/// <summary>
/// The figures of one metric for one goal period on a board (contract section 3), rounded as the contract shows them:
/// <see cref="Goal"/>, <see cref="Expected"/>, <see cref="PaceRatio"/>, <see cref="Projected"/> and
/// <see cref="NeededPerHour"/> to two decimals (null when the metric has no goal for the period).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PeriodFigures(
    [property: Id(0)] GoalPeriod Period,
    [property: Id(1)] double Actual,
    [property: Id(2)] double? Goal,
    [property: Id(3)] double? Expected,
    [property: Id(4)] double? PaceRatio,
    [property: Id(5)] double? Projected,
    [property: Id(6)] double? NeededPerHour,
    [property: Id(7)] PaceStatus Status)
{
    /// <summary>The domain's unrounded figures, rounded to two decimals (midpoints away from zero).</summary>
    public static PeriodFigures From(PaceFigures f) =>
        new(f.Period, f.Actual, Round(f.Goal), Round(f.Expected), Round(f.PaceRatio), Round(f.Projected), Round(f.NeededPerHour), f.Status);

    private static double? Round(double? value) =>
        value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;
}
