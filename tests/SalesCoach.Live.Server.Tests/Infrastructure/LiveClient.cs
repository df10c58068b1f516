using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace SalesCoach.Live.Server.Tests.Infrastructure;

/// <summary>A real SignalR client on the live hub that records what it receives, with the time it arrived.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private LiveClient(HubConnection connection)
    {
        _connection = connection;
        connection.On<JsonElement>("snapshot", e => Snapshots.Writer.TryWrite(new Received(e, DateTimeOffset.UtcNow)));
        connection.On<JsonElement>("delta", e => Deltas.Writer.TryWrite(new Received(e, DateTimeOffset.UtcNow)));
        connection.On<JsonElement>("celebration", e => Celebrations.Writer.TryWrite(new Received(e, DateTimeOffset.UtcNow)));
        connection.On<JsonElement>("coaching", e => Coaching.Writer.TryWrite(new Received(e, DateTimeOffset.UtcNow)));
    }

    public Channel<Received> Snapshots { get; } = Channel.CreateUnbounded<Received>();

    public Channel<Received> Deltas { get; } = Channel.CreateUnbounded<Received>();

    public Channel<Received> Celebrations { get; } = Channel.CreateUnbounded<Received>();

    public Channel<Received> Coaching { get; } = Channel.CreateUnbounded<Received>();

    public HubConnection Connection => _connection;

    public static async Task<LiveClient> ConnectAsync(SalesCoachApp app, string? token = SalesCoachApp.ReadKey)
    {
        var client = new LiveClient(app.Hub(token));
        await client._connection.StartAsync();
        return client;
    }

    /// <summary>Subscribes and returns the snapshot that follows.</summary>
    public async Task<JsonElement> SubscribeAsync(string teamId)
    {
        await _connection.InvokeAsync("SubscribeTeam", teamId);
        return (await Next(Snapshots, TimeSpan.FromSeconds(5))).Payload;
    }

    /// <summary>The next message of a channel, or a failure after <paramref name="timeout"/>.</summary>
    public static async Task<Received> Next(Channel<Received> channel, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await channel.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Nothing arrived within {timeout}.");
        }
    }

    /// <summary>Reads deltas until one satisfies <paramref name="match"/>; returns it and all read before it.</summary>
    public async Task<(Received Match, List<Received> Seen)> WaitForDeltaAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var seen = new List<Received>();
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            var delta = await Next(Deltas, left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
            seen.Add(delta);
            if (match(delta.Payload))
            {
                return (delta, seen);
            }
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>A message and when it arrived.</summary>
    public sealed record Received(JsonElement Payload, DateTimeOffset At);
}
