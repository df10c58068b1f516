using System.Globalization;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>
/// The hover text of a pace cell: every number with where it comes from (contract section 3), so a manager never has
/// to guess what "expected" means.
/// </summary>
public static class CellExplanation
{
    public static string For(MetricCell cell, string metricName)
    {
        var name = metricName.ToLowerInvariant();
        var period = PeriodWord(cell.Period);
        var lines = new List<string> { $"Actual: {N(cell.Actual)} {name} this {period} so far." };
        if (cell.Goal is not { } goal)
        {
            lines.Add($"No goal is set for {name}, so there is no pace to keep.");
            return string.Join('\n', lines);
        }

        lines.Add($"Goal: {N(goal)} for the {period}.");
        if (cell.Expected is { } expected)
        {
            var elapsed = goal > 0 ? expected / goal : 0;
            lines.Add($"Expected now: {N(expected)} = goal {N(goal)} × {elapsed.ToString("0.#%", CultureInfo.InvariantCulture)} of the {period}'s working time gone.");
        }

        lines.Add(cell.PaceRatio is { } ratio
            ? $"Pace: {ratio.ToString("0%", CultureInfo.InvariantCulture)} of expected (ahead from 110%, on pace from 90%, behind from 70%, below that at risk)."
            : "Pace: not started, no working time of the period has gone yet.");
        if (cell.Projected is { } projected)
        {
            lines.Add($"Projected: {N(projected)} by the end of the {period} at this rate (actual ÷ share of working time gone).");
        }

        lines.Add(cell.NeededPerHour is { } perHour
            ? $"Needed: {N(perHour)} an hour for the rest of the {period}'s working time to reach the goal."
            : $"No working time of the {period} remains.");
        return string.Join('\n', lines);
    }

    public static string PeriodWord(string period) => period switch
    {
        "week" => "week",
        "month" => "month",
        "quarter" => "quarter",
        _ => "day",
    };

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
