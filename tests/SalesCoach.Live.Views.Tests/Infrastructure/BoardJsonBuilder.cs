using System.Text.Json;

namespace SalesCoach.Live.Views.Tests.Infrastructure;

/// <summary>Board, delta and row JSON in the contract's shape (section 5 and 6), for feeding the views.</summary>
public static class BoardJsonBuilder
{
    public static readonly object[] MetricDefs =
    [
        new { key = "call", name = "Calls", points = 1, celebrate = false, hasValue = false },
        new { key = "meeting", name = "Meetings booked", points = 10, outcomeOf = "call", celebrate = false, hasValue = false },
    ];

    /// <summary>A metric object: actual, goal and expected decide the ratio and status the way the contract does.</summary>
    public static object Cell(double actual, double? goal, double? expected, string period = "day", string? status = null)
    {
        double? ratio = expected is > 0 ? actual / expected : null;
        var decided = status ?? (goal is null ? "noGoal" : ratio is not { } r ? "notStarted" : r >= 1.1 ? "ahead" : r >= 0.9 ? "onPace" : r >= 0.7 ? "behind" : "atRisk");
        return new { period, actual, goal, expected, paceRatio = ratio, projected = (double?)null, neededPerHour = (double?)null, status = decided };
    }

    public static object Row(string repId, string name, int rank, double score, object calls, object? meetings = null) => new
    {
        repId,
        name,
        rank,
        score,
        metrics = meetings is null ? (object)new { call = calls } : new { call = calls, meeting = meetings },
    };

    public static JsonElement Snapshot(string teamId, long version, params object[] rows) => Parse(new
    {
        teamId,
        teamName = "EMEA SDR",
        version,
        asOf = "2026-11-26T10:30:00+01:00",
        metricDefs = MetricDefs,
        reps = rows,
        team = new { score = 0, metrics = new { call = Cell(0, 100, 20) } },
    });

    public static JsonElement Delta(string teamId, long version, long fromVersion, params object[] rows) => Parse(new
    {
        teamId,
        version,
        fromVersion,
        asOf = "2026-11-26T10:31:00+01:00",
        reps = rows,
        team = new { score = 1, metrics = new { call = Cell(1, 100, 21) } },
    });

    public static JsonElement Parse(object value) =>
        JsonDocument.Parse(JsonSerializer.Serialize(value, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never })).RootElement.Clone();
}
