using Microsoft.AspNetCore.SignalR;

namespace SalesCoach.Live.Server.Operations;

/// <summary>Counts the live hub's connected clients (<c>salescoach.hub.connections</c>): a global hub filter.</summary>
public sealed class HubConnectionCounter : IHubFilter
{
    private const string Counted = "salescoach.hub.counted";

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context);
        // Counted only once the hub took the connection: a refused one is never disconnected through the hub.
        context.Context.Items[Counted] = true;
        SalesCoachTelemetry.HubConnections.Add(1);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Context.Items.Remove(Counted))
        {
            SalesCoachTelemetry.HubConnections.Add(-1);
        }

        await next(context, exception);
    }
}
