using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Views.Admin.OrgDrafts;

/// <summary>A metric being edited: key, name, points, and whether it celebrates, is an outcome of another, has a value.</summary>
public sealed class MetricDraft
{
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public int Points { get; set; }

    public string? OutcomeOf { get; set; }

    public bool Celebrate { get; set; }

    public bool HasValue { get; set; }

    /// <summary>The metric as read, whose fields the page does not show are written back unchanged.</summary>
    private MetricDocument Origin { get; init; } = new();

    public static MetricDraft From(MetricDocument metric) => new()
    {
        Origin = metric,
        Key = metric.Key,
        Name = metric.Name,
        Points = metric.Points,
        OutcomeOf = metric.OutcomeOf,
        Celebrate = metric.Celebrate,
        HasValue = metric.HasValue,
    };

    public MetricDocument ToDocument() =>
        Origin with { Key = Key, Name = Name, Points = Points, OutcomeOf = OutcomeOf, Celebrate = Celebrate, HasValue = HasValue };
}
