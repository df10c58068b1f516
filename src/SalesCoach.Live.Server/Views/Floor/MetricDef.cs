namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>A metric as the board describes it (<c>metricDefs</c>): key, display name and points.</summary>
public sealed record MetricDef(string Key, string Name, double Points, string? OutcomeOf, bool HasValue)
{
    public static MetricDef From(Abstractions.Boards.MetricDef def) => new(def.Key, def.Name, def.Points, def.OutcomeOf, def.HasValue);
}
