namespace SalesCoach.Live.Abstractions.Live;

/// <summary>
/// One per node: receives a team's pushes and forwards them to the node's SignalR group and Blazor circuits.
/// Payloads are contract JSON (UTF-8), serialised once by the team grain.
/// </summary>
public interface ILiveRelay : IGrainObserver
{
    [OneWay]
    Task OnDeltaAsync(string teamId, byte[] deltaJson);

    [OneWay]
    Task OnCelebrationAsync(string teamId, byte[] celebrationJson);

    /// <summary>The team's coaching queue changed (the whole queue: it is short).</summary>
    [OneWay]
    Task OnCoachingAsync(string teamId, byte[] queueJson);

    /// <summary>A gamification moment of the team (badge, new leader, goal hit, deal, competition won).</summary>
    [OneWay]
    Task OnMomentAsync(string teamId, byte[] momentJson);
}
