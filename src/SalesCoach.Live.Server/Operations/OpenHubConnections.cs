using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace SalesCoach.Live.Server.Operations;

/// <summary>
/// The hub connections open on this node (a global hub filter), so a stopping node can close them all at once and
/// refuse any that still arrive: their clients reconnect through the proxy to another node straight away.
/// </summary>
public sealed class OpenHubConnections : IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);
    private volatile bool _closing;

    public int Count => _open.Count;

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        _open[context.Context.ConnectionId] = context.Context;
        if (_closing)
        {
            // Arrived while the node stops: closed at once, so the client looks for another node.
            context.Context.Abort();
        }

        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        _open.TryRemove(context.Context.ConnectionId, out _);
        await next(context, exception);
    }

    /// <summary>Closes every open connection and every one that connects from now on; returns how many were open.</summary>
    public int CloseAll()
    {
        _closing = true;
        var open = _open.Values.ToList();
        foreach (var connection in open)
        {
            connection.Abort();
        }

        return open.Count;
    }
}
