using System.Text.Json.Serialization;

namespace SalesCoach.Live.Abstractions.Teams;

/// <summary>
/// An accepted activity of a celebrated metric (contract section 6, <c>celebration</c>). <see cref="MetricName"/> is
/// filled in by the team grain from the org (left out of the JSON when the metric is not one of the org's, as for a
/// contest win); <see cref="Value"/> is written as null when there is none.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Celebration(
    [property: Id(0)] string TeamId,
    [property: Id(1)] string RepId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Metric,
    [property: Id(4), JsonPropertyOrder(1)] decimal? Value,
    [property: Id(5), JsonPropertyOrder(2)] DateTimeOffset OccurredAt)
{
    [Id(6)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MetricName { get; init; }
}
