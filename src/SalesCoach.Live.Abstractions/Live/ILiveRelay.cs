using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Abstractions.Teams;

namespace SalesCoach.Live.Abstractions.Live;

/// <summary>
/// One per node: receives a team's pushes as records and forwards them to the node's SignalR group (serialised once
/// per push on that node, with <see cref="Json.ContractJson"/>) and to its Blazor circuits (the records themselves).
/// </summary>
public interface ILiveRelay : IGrainObserver
{
    [OneWay]
    Task OnDeltaAsync(string teamId, BoardDelta delta);

    [OneWay]
    Task OnCelebrationAsync(string teamId, Celebration celebration);

    /// <summary>The team's coaching queue changed (the whole queue: it is short).</summary>
    [OneWay]
    Task OnCoachingAsync(string teamId, IReadOnlyList<CoachingQueueItem> queue);

    /// <summary>A gamification moment of the team (badge, new leader, goal hit, deal, competition won).</summary>
    [OneWay]
    Task OnMomentAsync(string teamId, TeamMoment moment);
}
