using System.Text.Json;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Json;

namespace SalesCoach.Live.Grains.Tests.Infrastructure;

/// <summary>A team board snapshot as its contract JSON (section 5), with look-ups for rows and figures.</summary>
public sealed class BoardView
{
    public BoardView(BoardSnapshot snapshot)
    {
        Version = snapshot.Version;
        using var document = JsonDocument.Parse(ContractJson.Serialize(snapshot));
        Root = document.RootElement.Clone();
    }

    public long Version { get; }

    public JsonElement Root { get; }

    public JsonElement Team => Root.GetProperty("team");

    public JsonElement Row(string repId) =>
        Root.GetProperty("reps").EnumerateArray().Single(r => r.GetProperty("repId").GetString() == repId);

    public double Actual(string repId, string metric, string? period = null) =>
        Figures(Row(repId), metric, period).GetProperty("actual").GetDouble();

    public long Score(string repId) => Row(repId).GetProperty("score").GetInt64();

    public int Rank(string repId) => Row(repId).GetProperty("rank").GetInt32();

    /// <summary>
    /// The figures of a metric in a board row, a delta row or the team object: its shortest period when
    /// <paramref name="period"/> is null, else that period (the primary one, or one listed under <c>periods</c>).
    /// </summary>
    public static JsonElement Figures(JsonElement rowOrTeam, string metric, string? period = null)
    {
        var figures = rowOrTeam.GetProperty("metrics").GetProperty(metric);
        if (period is null || figures.GetProperty("period").GetString() == period)
        {
            return figures;
        }

        return figures.GetProperty("periods").GetProperty(period);
    }
}
