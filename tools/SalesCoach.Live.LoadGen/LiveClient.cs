using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace SalesCoach.Live.LoadGen;

/// <summary>
/// One SignalR client of <c>/hubs/live</c> (the real <c>Microsoft.AspNetCore.SignalR.Client</c>), subscribed to one
/// team. It follows the contract's client rule (ignore deltas before the snapshot and old ones; apply when
/// <c>fromVersion</c> matches; otherwise subscribe again) and, for every row it applies, records the post-to-screen
/// latency of each of our activities that the row's <c>metrics.call.actual</c> newly covers.
/// </summary>
internal sealed class LiveClient(Uri baseUrl, string key, TeamTrack team, RunStats stats) : IAsyncDisposable
{
    private readonly int[] _seen = new int[team.Reps.Count];
    private readonly TaskCompletionSource _firstSnapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? _connection;
    private long? _version;
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

    private void OnSnapshot(JsonElement board)
    {
        var now = Stopwatch.GetTimestamp();
        if (board.TryGetProperty("version", out var v) && v.TryGetInt64(out var version))
        {
            _version = version;
        }

        Observe(board, now, null);
        _firstSnapshot.TrySetResult();
    }

    private void OnDelta(JsonElement delta)
    {
        var now = Stopwatch.GetTimestamp();
        if (_version is not { } current
            || !delta.TryGetProperty("version", out var v) || !v.TryGetInt64(out var version)
            || version <= current)
        {
            return;
        }

        if (!delta.TryGetProperty("fromVersion", out var f) || !f.TryGetInt64(out var fromVersion) || fromVersion != current)
        {
            // A gap: ask for a new snapshot and ignore deltas until it comes.
            stats.Gap();
            _version = null;
            _ = ResubscribeAsync();
            return;
        }

        _version = version;
        Observe(delta, now, new DeltaSplit(Team.FirstArrival(version, now), stats.PostToFirst, stats.FirstToThis));
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

    private void Observe(JsonElement message, long now, DeltaSplit? split)
    {
        if (!message.TryGetProperty("reps", out var reps) || reps.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var row in reps.EnumerateArray())
        {
            if (!row.TryGetProperty("repId", out var id)
                || Team.ById.GetValueOrDefault(id.GetString() ?? "") is not { } rep
                || !row.TryGetProperty("metrics", out var metrics)
                || !metrics.TryGetProperty("call", out var call)
                || !call.TryGetProperty("actual", out var actual))
            {
                continue;
            }

            var count = (long)actual.GetDouble() - rep.Baseline;
            var (seen, foreign) = rep.Observe(count, _seen[rep.IndexInTeam], now, stats.MeasureStart, stats.PostToScreen, split);
            Volatile.Write(ref _seen[rep.IndexInTeam], seen);
            if (foreign > 0)
            {
                stats.AddForeign(foreign);
            }
        }
    }
}
