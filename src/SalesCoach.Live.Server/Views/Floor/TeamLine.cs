using SalesCoach.Live.Abstractions.Boards;

namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>The team's totals on a live board: its score and the pace of each metric against the sum of its reps' goals.</summary>
public sealed record TeamLine(double Score, IReadOnlyDictionary<string, MetricCell> Metrics)
{
    public static TeamLine From(TeamRow team) => new(team.Score, RepLine.Cells(team.Metrics));
}
