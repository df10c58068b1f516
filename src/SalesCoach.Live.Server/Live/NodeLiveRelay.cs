using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using SalesCoach.Live.Abstractions.Live;

namespace SalesCoach.Live.Server.Live;

/// <summary>
/// This node's relay: team grains anywhere in the cluster push here once per change, and the relay fans out to the
/// node's SignalR group of that team and to in-process listeners (Blazor circuits) through <see cref="Pushed"/>.
/// </summary>
public sealed class NodeLiveRelay(IHubContext<LiveHub> hub, ILogger<NodeLiveRelay> logger) : ILiveRelay
{
    /// <summary>Raised for every push: (teamId, message name, payload).</summary>
    public event Action<string, string, JsonElement>? Pushed;

    public Task OnDeltaAsync(string teamId, byte[] deltaJson) => ForwardAsync(teamId, "delta", deltaJson);

    public Task OnCelebrationAsync(string teamId, byte[] celebrationJson) => ForwardAsync(teamId, "celebration", celebrationJson);

    public Task OnCoachingAsync(string teamId, byte[] queueJson) => ForwardAsync(teamId, "coaching", queueJson, LiveHub.CoachingGroup(teamId));

    public Task OnMomentAsync(string teamId, byte[] momentJson) => ForwardAsync(teamId, "moment", momentJson);

    private async Task ForwardAsync(string teamId, string method, byte[] json, string? group = null)
    {
        try
        {
            JsonElement payload;
            using (var document = JsonDocument.Parse(json))
            {
                payload = document.RootElement.Clone();
            }

            Pushed?.Invoke(teamId, method, payload);
            await hub.Clients.Group(group ?? LiveHub.TeamGroup(teamId)).SendAsync(method, payload);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Could not forward {Method} of team {TeamId}", method, teamId);
        }
    }
}
