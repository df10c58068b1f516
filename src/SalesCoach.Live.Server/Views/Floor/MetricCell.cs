using System.Text.Json;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>
/// The pace of one goal as a board row or the team carries it (contract section 5): actual, goal, expected, ratios and
/// status, with the metric's longer periods (a week goal beside a day goal) in <see cref="OtherPeriods"/>.
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
    /// <summary>Reads a metric object of the board JSON.</summary>
    public static MetricCell Read(JsonElement e)
    {
        var others = new Dictionary<string, MetricCell>(StringComparer.Ordinal);
        if (e.TryGetProperty("periods", out var periods) && periods.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in periods.EnumerateObject())
            {
                others[p.Name] = Read(p.Value);
            }
        }

        return new MetricCell(
            e.GetProperty("period").GetString() ?? "day",
            e.GetProperty("actual").GetDouble(),
            Number(e, "goal"),
            Number(e, "expected"),
            Number(e, "paceRatio"),
            Number(e, "projected"),
            Number(e, "neededPerHour"),
            e.GetProperty("status").GetString() ?? "noGoal",
            others);
    }

    /// <summary>This period and the longer ones, shortest first.</summary>
    public IEnumerable<MetricCell> AllPeriods => OtherPeriods.Count == 0 ? [this] : [this, .. OtherPeriods.Values];

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
