using SalesCoach.Live.Domain.Coaching;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Boards;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Coaching;

/// <summary>The coaching queue as of any instant, from the log (no acknowledgements, no hysteresis: a fresh look).</summary>
public sealed class HistoricalCoaching(Organization org, IActivityLog log, HistoricalBoards boards, CoachingSettings settings, FocusRules focus)
{
    public static readonly TimeSpan HistorySpan = TimeSpan.FromDays(15);

    public async Task<IReadOnlyList<CoachingItem>> EvaluateAsync(Team team, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var board = await boards.BuildAsync(team, at, cancellationToken);
        var activities = await log.ReadByOccurrenceAsync([.. team.Reps.Select(r => r.Id)], at - HistorySpan, at, cancellationToken);
        var byRep = activities.ToLookup(a => a.RepId, StringComparer.Ordinal);
        var history = team.Reps.ToDictionary(
            r => r.Id,
            r => (IReadOnlyList<TimedActivity>)byRep[r.Id].Select(a => new TimedActivity(a.OccurredAt, a.Type, a.Quantity)).ToList(),
            StringComparer.Ordinal);
        return CoachingEvaluator.Evaluate(team, org.Metrics, board, history, at, settings, focus);
    }
}
