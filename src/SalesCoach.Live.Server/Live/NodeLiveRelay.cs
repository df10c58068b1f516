using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Coaching;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Abstractions.Live;
using SalesCoach.Live.Abstractions.Teams;

namespace SalesCoach.Live.Server.Live;

/// <summary>
/// This node's relay: team grains anywhere in the cluster push their records here once per change; the relay
/// serialises each push once (<see cref="ContractJson"/>) for the node's SignalR group of that team, and hands the record
/// itself to in-process listeners (Blazor circuits) through <see cref="Pushed"/>.
/// </summary>
public sealed class NodeLiveRelay(IHubContext<LiveHub> hub, ILogger<NodeLiveRelay> logger) : ILiveRelay
{
    /// <summary>Raised for every push: (teamId, message name, the record as received; see <c>ILiveFloor.Pushed</c>).</summary>
    public event Action<string, string, object>? Pushed;

    public Task OnDeltaAsync(string teamId, BoardDelta delta) =>
        ForwardAsync(teamId, "delta", delta, () => ContractJson.ToElement(delta, ContractJson.Context.BoardDelta));

    public Task OnCelebrationAsync(string teamId, Celebration celebration) =>
        ForwardAsync(teamId, "celebration", celebration, () => ContractJson.ToElement(celebration, ContractJson.Context.Celebration));

    public Task OnCoachingAsync(string teamId, IReadOnlyList<CoachingQueueItem> queue) =>
        ForwardAsync(teamId, "coaching", queue, () => ContractJson.ToElement(queue, ContractJson.Context.IReadOnlyListCoachingQueueItem), LiveHub.CoachingGroup(teamId));

    public Task OnMomentAsync(string teamId, TeamMoment moment) =>
        ForwardAsync(teamId, "moment", moment, () => ContractJson.ToElement(moment, ContractJson.Context.TeamMoment));

    private async Task ForwardAsync(string teamId, string method, object record, Func<JsonElement> serialise, string? group = null)
    {
        try
        {
            Pushed?.Invoke(teamId, method, record);

            // Once per push on this node, whatever the number of connections in the group.
            var payload = serialise();
            await hub.Clients.Group(group ?? LiveHub.TeamGroup(teamId)).SendAsync(method, payload);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Could not forward {Method} of team {TeamId}", method, teamId);
        }
    }
}
