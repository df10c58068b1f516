using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Cluster;

/// <summary>
/// A wallboard's view of several teams over one real SignalR connection to one node, following the contract's client
/// rule: a snapshot replaces the board; a delta applies when its <c>fromVersion</c> is the current version, is ignored
/// when old, and otherwise (a gap, e.g. a team grain that moved to another node) makes the client subscribe again for
/// a fresh snapshot. It records when each team's board first showed a condition.
/// </summary>
public sealed class LiveBoards : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Board> _boards = new(StringComparer.Ordinal);
    private readonly List<(Func<string, IReadOnlyDictionary<string, JsonElement>, bool> Condition, string Team, TaskCompletionSource<DateTimeOffset> Seen)> _watches = [];

    private LiveBoards(HubConnection connection, string node)
    {
        Connection = connection;
        Node = node;
        connection.On<JsonElement>("snapshot", OnSnapshot);
        connection.On<JsonElement>("delta", OnDelta);
    }

    public HubConnection Connection { get; }

    public string Node { get; }

    /// <summary>How many times a gap made this client ask for a new snapshot.</summary>
    public int Resubscriptions { get; private set; }

    /// <summary>Connects to <paramref name="node"/> and subscribes to every team, waiting for each first snapshot.</summary>
    public static async Task<LiveBoards> ConnectAsync(ClusterNode node, IEnumerable<string> teams, TimeSpan? snapshotTimeout = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(SalesCoachApp.AdminKey))
            .Build();
        var boards = new LiveBoards(connection, node.Name);
        await connection.StartAsync();
        var timeout = snapshotTimeout ?? TimeSpan.FromSeconds(20);
        foreach (var team in teams)
        {
            var first = boards.WhenAsync(team, (_, _) => true);
            await boards.SubscribeAsync(team, timeout);
            await first.WaitAsync(timeout);
        }

        return boards;
    }

    /// <summary>Completes with the moment the team's board first satisfies <paramref name="condition"/> (rows by rep id).</summary>
    public Task<DateTimeOffset> WhenAsync(string team, Func<string, IReadOnlyDictionary<string, JsonElement>, bool> condition)
    {
        var seen = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_boards.TryGetValue(team, out var board) && condition(team, board.Rows))
            {
                seen.SetResult(DateTimeOffset.UtcNow);
            }
            else
            {
                _watches.Add((condition, team, seen));
            }
        }

        return seen.Task;
    }

    /// <summary>A rep's <c>actual</c> of a metric on the board as this client sees it now (0 when absent).</summary>
    public double Actual(string team, string rep, string metric)
    {
        lock (_lock)
        {
            return _boards.TryGetValue(team, out var board) && board.Rows.TryGetValue(rep, out var row) ? ActualOf(row, metric) : 0;
        }
    }

    public static double ActualOf(JsonElement row, string metric) =>
        row.GetProperty("metrics").TryGetProperty(metric, out var m) ? m.GetProperty("actual").GetDouble() : 0;

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    /// <summary>
    /// Subscribes, trying again while the server cannot answer yet (as the wallboard does): right after a node died,
    /// a team whose grain lived there has no snapshot until the cluster has declared the node dead.
    /// </summary>
    private async Task SubscribeAsync(string team, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await Connection.InvokeAsync("SubscribeTeam", team);
                return;
            }
            catch (HubException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }

    private void OnSnapshot(JsonElement snapshot)
    {
        var team = snapshot.GetProperty("teamId").GetString()!;
        lock (_lock)
        {
            var board = new Board(snapshot.GetProperty("version").GetInt64());
            foreach (var row in snapshot.GetProperty("reps").EnumerateArray())
            {
                board.Rows[row.GetProperty("repId").GetString()!] = row.Clone();
            }

            _boards[team] = board;
            Check(team, board);
        }
    }

    private void OnDelta(JsonElement delta)
    {
        var team = delta.GetProperty("teamId").GetString()!;
        lock (_lock)
        {
            if (!_boards.TryGetValue(team, out var board) || delta.GetProperty("version").GetInt64() <= board.Version)
            {
                return;
            }

            if (delta.GetProperty("fromVersion").GetInt64() != board.Version)
            {
                // A gap: ask again without waiting here, or the receive loop would wait on itself.
                Resubscriptions++;
                _ = Task.Run(() => SubscribeAsync(team, TimeSpan.FromSeconds(30)));
                return;
            }

            board.Version = delta.GetProperty("version").GetInt64();
            foreach (var row in delta.GetProperty("reps").EnumerateArray())
            {
                board.Rows[row.GetProperty("repId").GetString()!] = row.Clone();
            }

            Check(team, board);
        }
    }

    private void Check(string team, Board board)
    {
        foreach (var watch in _watches.Where(w => w.Team == team && w.Condition(team, board.Rows)).ToList())
        {
            watch.Seen.TrySetResult(DateTimeOffset.UtcNow);
            _watches.Remove(watch);
        }
    }

    private sealed class Board(long version)
    {
        public long Version { get; set; } = version;

        public Dictionary<string, JsonElement> Rows { get; } = new(StringComparer.Ordinal);
    }
}
