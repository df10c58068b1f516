using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Abstractions.Boards;

/// <summary>
/// One metric of a board row or of the team: the figures of its shortest goal period (<see cref="Primary"/>) and those
/// of its other periods, longer ones after (in JSON: the primary figures inline, the others under <c>periods</c>).
/// Equal when the key and every figure are equal.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MetricCell(
    [property: Id(0)] string Key,
    [property: Id(1)] PeriodFigures Primary,
    [property: Id(2)] IReadOnlyList<PeriodFigures> OtherPeriods)
{
    /// <summary>The figures for a period, if the metric has a goal (or count) for it.</summary>
    public PeriodFigures? For(GoalPeriod period) =>
        Primary.Period == period ? Primary : OtherPeriods.FirstOrDefault(p => p.Period == period);

    public static MetricCell From(string key, MetricPace pace) =>
        new(key, PeriodFigures.From(pace.Primary), [.. pace.OtherPeriods.Select(PeriodFigures.From)]);

    public bool Equals(MetricCell? other) =>
        other is not null && Key == other.Key && Primary.Equals(other.Primary) && OtherPeriods.SequenceEqual(other.OtherPeriods);

    public override int GetHashCode() => HashCode.Combine(Key, Primary, OtherPeriods.Count);
}
