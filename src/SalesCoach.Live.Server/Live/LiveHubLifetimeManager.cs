using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace SalesCoach.Live.Server.Live;

/// <summary>
/// The hub's lifetime manager with one change to SignalR's default: a push to a group (a team, a board) is written to
/// each connection without waiting for any of them, so a client that stops reading delays nobody else, and a client
/// whose writes stall is dropped: when a write has waited <see cref="LiveOptions.SlowClientTimeout"/>, or
/// <see cref="LiveOptions.SlowClientMaxPending"/> writes queue behind it. A dropped client that comes back
/// resubscribes and gets a fresh snapshot, as after any reconnect.
/// </summary>
/// <remarks>
/// SignalR's default awaits every connection of the group; with one stuck TV the node's relay, which forwards every
/// team's pushes one after another, would wait for that TV (until SignalR's client timeout, 30 s).
/// </remarks>
public sealed class LiveHubLifetimeManager : DefaultHubLifetimeManager<LiveHub>, IDisposable
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubConnectionContext>> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Backlog> _backlogs = new(StringComparer.Ordinal);
    private readonly LiveOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<LiveHubLifetimeManager> _logger;
    private readonly ITimer _sweep;
    private long _dropped;

    public LiveHubLifetimeManager(
        ILogger<DefaultHubLifetimeManager<LiveHub>> baseLogger, IOptions<LiveOptions> options, TimeProvider clock, ILogger<LiveHubLifetimeManager> logger)
        : base(baseLogger)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        // A stalled client is dropped even when no new push comes along to notice it.
        _sweep = clock.CreateTimer(_ => Sweep(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Clients dropped for not reading, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        _connections[connection.ConnectionId] = connection;
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _connections.TryRemove(connection.ConnectionId, out _);
        _backlogs.TryRemove(connection.ConnectionId, out _);
        foreach (var group in _groups.Values)
        {
            group.TryRemove(connection.ConnectionId, out _);
        }

        return base.OnDisconnectedAsync(connection);
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await base.AddToGroupAsync(connectionId, groupName, cancellationToken);
        if (_connections.TryGetValue(connectionId, out var connection))
        {
            _groups.GetOrAdd(groupName, _ => new ConcurrentDictionary<string, HubConnectionContext>(StringComparer.Ordinal))[connectionId] = connection;
        }
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await base.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        if (_groups.TryGetValue(groupName, out var group))
        {
            group.TryRemove(connectionId, out _);
        }
    }

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        if (!_groups.TryGetValue(groupName, out var group) || group.IsEmpty)
        {
            return Task.CompletedTask;
        }

        // Serialised once per protocol, however many connections it goes to.
        var message = new SerializedHubMessage(new InvocationMessage(methodName, args));
        foreach (var connection in group.Values)
        {
            Write(connection, message);
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _sweep.Dispose();

    private void Write(HubConnectionContext connection, SerializedHubMessage message)
    {
        var backlog = _backlogs.GetOrAdd(connection.ConnectionId, _ => new Backlog());
        if (IsStalled(backlog, _clock.GetTimestamp()))
        {
            Drop(connection, backlog);
            return;
        }

        ValueTask write;
        try
        {
            write = connection.WriteAsync(message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogDebug(e, "Could not write to hub connection {ConnectionId}", connection.ConnectionId);
            return;
        }

        if (write.IsCompleted)
        {
            try
            {
                write.GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _logger.LogDebug(e, "Could not write to hub connection {ConnectionId}", connection.ConnectionId);
            }
        }
        else
        {
            // Writes to one connection complete in the order they were made (SignalR queues them), so the oldest
            // waiting write is the first of the queue.
            backlog.Waiting.Enqueue(_clock.GetTimestamp());
            _ = CompleteAsync(write, backlog);
        }
    }

    private static async Task CompleteAsync(ValueTask write, Backlog backlog)
    {
        try
        {
            await write;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The connection is closing; OnDisconnectedAsync forgets it.
        }
        finally
        {
            backlog.Waiting.TryDequeue(out _);
        }
    }

    private bool IsStalled(Backlog backlog, long now) =>
        backlog.Waiting.Count >= _options.SlowClientMaxPending
        || (backlog.Waiting.TryPeek(out var oldest) && _clock.GetElapsedTime(oldest, now) >= _options.SlowClientTimeout);

    private void Sweep()
    {
        var now = _clock.GetTimestamp();
        foreach (var (id, backlog) in _backlogs)
        {
            if (IsStalled(backlog, now) && _connections.TryGetValue(id, out var connection))
            {
                Drop(connection, backlog);
            }
        }
    }

    private void Drop(HubConnectionContext connection, Backlog backlog)
    {
        if (Interlocked.Exchange(ref backlog.Dropped, 1) == 1)
        {
            return;
        }

        Interlocked.Increment(ref _dropped);
        _logger.LogWarning("Dropping hub connection {ConnectionId}: it stopped reading ({Pending} pushes waiting)", connection.ConnectionId, backlog.Waiting.Count);
        connection.Abort();
    }

    private sealed class Backlog
    {
        public readonly ConcurrentQueue<long> Waiting = new();
        public int Dropped;
    }
}
