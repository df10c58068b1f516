using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Json;

namespace SalesCoach.Live.LoadGen;

/// <summary>
/// One SignalR client of <c>/hubs/live</c> (the real <c>Microsoft.AspNetCore.SignalR.Client</c>), subscribed to one
/// team. It reads the hub's JSON into the live records (<see cref="ContractJson"/>) and follows the contract's client
/// rule through <see cref="LiveBoardClient"/> (on a gap it subscribes again) and, for every row it applies, records the
/// post-to-screen latency of each of our activities that the row's <c>metrics.call.actual</c> newly covers.
/// </summary>
internal sealed class LiveClient(Uri baseUrl, string key, TeamTrack team, RunStats stats) : IAsyncDisposable
{
    private readonly int[] _seen = new int[team.Reps.Count];
    private readonly TaskCompletionSource _firstSnapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? _connection;
    private readonly LiveBoardClient _board = new();
    private volatile bool _stopping;
    private bool _counted;

    public TeamTrack Team { get; } = team;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "/hubs/live"), HttpTransportType.WebSockets, o =>
            {
                // WebSockets straight away: no negotiate request, so no HTTP client per connection.
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(key);
            })
            .Build();
        _connection.On<JsonElement>("snapshot", OnSnapshot);
        _connection.On<JsonElement>("delta", OnDelta);
        _connection.Closed += error =>
        {
            if (!_stopping)
            {
                stats.Error(error is null ? "hub-closed" : $"hub-closed ({error.GetType().Name})");
                if (_counted)
                {
                    _counted = false;
                    stats.ClientDisconnected();
                }
            }

            return Task.CompletedTask;
        };

        await _connection.StartAsync(cancellationToken);
        await _connection.InvokeAsync("SubscribeTeam", Team.Id, cancellationToken);
        await _firstSnapshot.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        _counted = true;
        stats.ClientConnected();
    }

    /// <summary>Activities acknowledged for this client's team that it has not seen yet.</summary>
    public long Unseen()
    {
        long unseen = 0;
        for (var i = 0; i < Team.Reps.Count; i++)
        {
            unseen += Math.Max(0, Team.Reps[i].Acked - Volatile.Read(ref _seen[i]));
        }

        return unseen;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (_connection is not null)
        {
            try
            {
                await _connection.DisposeAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Closing is best effort.
            }
        }
    }

    private void OnSnapshot(JsonElement message)
    {
        var now = Stopwatch.GetTimestamp();
        var snapshot = ContractJson.Deserialize(message, ContractJson.Context.BoardSnapshot);
        _board.ApplySnapshot(snapshot);
        Observe(snapshot.Reps, now, null);
        _firstSnapshot.TrySetResult();
    }

    private void OnDelta(JsonElement message)
    {
        var now = Stopwatch.GetTimestamp();
        var delta = ContractJson.Deserialize(message, ContractJson.Context.BoardDelta);
        switch (_board.Apply(delta))
        {
            case DeltaOutcome.Applied:
                Observe(delta.Reps, now, new DeltaSplit(Team.FirstArrival(delta.Version, now), stats.PostToFirst, stats.FirstToThis));
                break;
            case DeltaOutcome.Gap:
                // Ask for a new snapshot; the client ignores deltas until it comes.
                stats.Gap();
                _ = ResubscribeAsync();
                break;
        }
    }

    private async Task ResubscribeAsync()
    {
        try
        {
            await _connection!.InvokeAsync("SubscribeTeam", Team.Id);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (!_stopping)
            {
                stats.Error($"resubscribe ({e.GetType().Name})");
            }
        }
    }

    private void Observe(IReadOnlyList<RepRow> rows, long now, DeltaSplit? split)
    {
        foreach (var row in rows)
        {
            if (Team.ById.GetValueOrDefault(row.RepId) is not { } rep || row.Cell("call") is not { } call)
            {
                continue;
            }

            var count = (long)call.Primary.Actual - rep.Baseline;
            var (seen, foreign) = rep.Observe(count, _seen[rep.IndexInTeam], now, stats.MeasureStart, stats.PostToScreen, split);
            Volatile.Write(ref _seen[rep.IndexInTeam], seen);
            if (foreign > 0)
            {
                stats.AddForeign(foreign);
            }
        }
    }
}
