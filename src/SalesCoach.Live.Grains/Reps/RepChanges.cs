using SalesCoach.Live.Abstractions.Reps;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Domain.Boards;

namespace SalesCoach.Live.Grains.Reps;

/// <summary>What one turn of a rep grain changed: day totals, the activities behind them, and deals to celebrate.</summary>
internal sealed class RepChanges
{
    public Dictionary<(string Metric, DateOnly Day), DayTally> Days { get; } = [];

    public List<RecentActivity> Recent { get; } = [];

    public List<LoggedActivityMessage> Celebrations { get; } = [];
}
