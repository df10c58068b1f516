using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Pacing;

/// <summary>The numbers every view shows for one goal at one instant (contract section 3). Unrounded.</summary>
public sealed record PaceFigures(
    GoalPeriod Period,
    double Actual,
    double? Goal,
    double? Expected,
    double? PaceRatio,
    double? Projected,
    double? NeededPerHour,
    PaceStatus Status,
    double ElapsedFraction);
