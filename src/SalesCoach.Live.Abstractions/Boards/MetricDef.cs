using System.Text.Json.Serialization;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Abstractions.Boards;

/// <summary>A metric as a board describes it (<c>metricDefs</c>): key, display name, points and its flags.</summary>
[GenerateSerializer, Immutable]
public sealed record MetricDef(
    [property: Id(0)] string Key,
    [property: Id(1)] string Name,
    [property: Id(2)] int Points,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OutcomeOf,
    [property: Id(4)] bool Celebrate,
    [property: Id(5)] bool HasValue)
{
    public static MetricDef From(Metric metric) =>
        new(metric.Key, metric.Name, metric.Points, metric.OutcomeOf, metric.Celebrate, metric.HasValue);
}
