using System.Text.Json;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Server.Views.Floor;

namespace SalesCoach.Live.Views.Tests.Infrastructure;

/// <summary>
/// Boards, deltas and rows written in the contract's JSON (sections 5 and 6) and read into the live records with the
/// contract's own <see cref="ContractJson"/> context, as a client of the hub would: the views get records.
/// </summary>
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

    /// <summary>A board as the views read it from the team grain.</summary>
    public static LiveBoard Board(JsonElement snapshot) => LiveBoard.From(ContractJson.Deserialize(snapshot, ContractJson.Context.BoardSnapshot));

    /// <summary>A rep's row as the views show it.</summary>
    public static RepLine Line(object row) => RepLine.From(ContractJson.Deserialize(Parse(row), ContractJson.Context.RepRow));

    public static BoardDelta Delta(string teamId, long version, long fromVersion, params object[] rows) =>
        ContractJson.Deserialize(DeltaJson(teamId, version, fromVersion, rows), ContractJson.Context.BoardDelta);

    public static JsonElement DeltaJson(string teamId, long version, long fromVersion, params object[] rows) => Parse(new
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
