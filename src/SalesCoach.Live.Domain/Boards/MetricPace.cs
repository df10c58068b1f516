using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;

namespace SalesCoach.Live.Domain.Boards;

/// <summary>One metric on a board row: the figures of its shortest goal period, and those of its other periods.</summary>
public sealed record MetricPace(PaceFigures Primary, IReadOnlyList<PaceFigures> OtherPeriods)
{
    /// <summary>The figures for a period, if the metric has a goal (or count) for it.</summary>
    public PaceFigures? For(GoalPeriod period) =>
        Primary.Period == period ? Primary : OtherPeriods.FirstOrDefault(p => p.Period == period);
}
