using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesCoach.Live.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesCoach.Live.Server.Tests.Cluster;

/// <summary>
/// Two real server processes on loopback form one Orleans cluster through the PostgreSQL membership table, each
/// serving HTTP and the hub: deltas cross nodes, and a node killed with SIGKILL while activities stream in through the
/// other loses nothing and counts nothing twice. Each test has a database of its own; the nodes create the schema.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_hub_client_on_one_node_gets_the_deltas_of_activities_posted_to_the_other()
    {
        await using var database = await ClusterDatabase.CreateAsync();
        var org = new ClusterOrg(teams: 2, repsPerTeam: 2);
        using var a = await ClusterNode.StartAsync("A", database.ConnectionString, org.Json);
        using var b = await ClusterNode.StartAsync("B", database.ConnectionString, org.Json);
        await DiagnoseOnFailure([a, b], async () =>
        {
            await Task.WhenAll(a.WaitReadyAsync(relays: 2, StartTimeout), b.WaitReadyAsync(relays: 2, StartTimeout));
            Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE status = 3"));
            await using var onA = await LiveBoards.ConnectAsync(a, org.Teams);
            await using var onB = await LiveBoards.ConnectAsync(b, org.Teams);

            var round = 0;
            foreach (var (poster, watcher, team) in new[] { (b, onA, "t1"), (a, onB, "t2"), (b, onA, "t2") })
            {
                var rep = org.Reps[team][0];
                var target = watcher.Actual(team, rep, "call") + 3;
                var seen = watcher.WhenAsync(team, (_, rows) => rows.TryGetValue(rep, out var row) && LiveBoards.ActualOf(row, "call") >= target);
                using var client = poster.Client();
                var posted = Stopwatch.StartNew();
                var batch = Enumerable.Range(0, 3).Select(i => ClusterOrg.Activity($"x-{round}-{i}", rep)).ToList();

                var response = await client.PostAsJsonAsync("/api/activities", batch);

                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                await seen.WaitAsync(TimeSpan.FromSeconds(5));
                output.WriteLine($"posted to {poster.Name}, delta on {watcher.Node}'s hub after {posted.ElapsedMilliseconds} ms");
                round++;
            }
        });
    }

    [Fact]
    public async Task Killing_a_node_while_activities_stream_through_the_other_loses_and_doubles_nothing_and_boards_come_back()
    {
        await using var database = await ClusterDatabase.CreateAsync();
        var org = new ClusterOrg(teams: 4, repsPerTeam: 3);
        var reps = org.Teams.SelectMany(t => org.Reps[t]).ToList();
        var expectedCalls = reps.ToDictionary(r => r, _ => 0, StringComparer.Ordinal);
        var expectedProbes = org.Teams.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
        using var a = await ClusterNode.StartAsync("A", database.ConnectionString, org.Json);
        var nodes = new List<ClusterNode> { a };
        await DiagnoseOnFailure(() => [.. nodes], async () =>
        {
            // A alone first, and every rep and team grain (and the relay registry) activated there: all on the node
            // that will die.
            await a.WaitReadyAsync(relays: 1, StartTimeout);
            using (var warmUp = a.Client())
            {
                var response = await warmUp.PostAsJsonAsync("/api/activities", reps.Select(r => ClusterOrg.Activity($"warm-{r}", r)).ToList());
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                reps.ForEach(r => expectedCalls[r]++);
            }

            using var b = await ClusterNode.StartAsync("B", database.ConnectionString, org.Json);
            nodes.Add(b);
            await Task.WhenAll(a.WaitReadyAsync(relays: 2, StartTimeout), b.WaitReadyAsync(relays: 2, StartTimeout));
            var onA = await LiveBoards.ConnectAsync(a, org.Teams);
            await using var onB = await LiveBoards.ConnectAsync(b, org.Teams);
            var disconnectedFromA = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
            onA.Connection.Closed += _ =>
            {
                disconnectedFromA.TrySetResult(DateTimeOffset.UtcNow);
                return Task.CompletedTask;
            };

            // Two streams of call batches, as a load balancer would spread them: one through B, one through A. Each
            // batch is posted until a node acknowledges it, with the same ids; the stream through A turns to B, the
            // surviving node, once A stops answering, so batches A took but never acknowledged are sent again there.
            using var stopStreaming = new CancellationTokenSource();
            var acknowledged = 0;
            var retries = 0;
            var duplicates = 0;
            var batches = new ConcurrentQueue<List<string>>();
            Task Stream(string name, ClusterNode[] targets, int seed) => Task.Run(async () =>
            {
                var random = new Random(seed);
                var clients = targets.Select(t => t.Client(TimeSpan.FromSeconds(5))).ToList();
                var current = 0;
                for (var n = 0; !stopStreaming.IsCancellationRequested; n++)
                {
                    var batchReps = Enumerable.Range(0, 40).Select(_ => reps[random.Next(reps.Count)]).ToList();
                    var batch = batchReps.Select((r, i) => ClusterOrg.Activity($"{name}-{n}-{i}", r)).ToList();
                    while (true)
                    {
                        var answer = await TryPostAsync(clients[current], batch);
                        if (answer is { } reported)
                        {
                            Interlocked.Add(ref duplicates, reported);
                            break;
                        }

                        Interlocked.Increment(ref retries);
                        current = Math.Min(current + 1, clients.Count - 1);
                        await Task.Delay(200);
                    }

                    batches.Enqueue(batchReps);
                    Interlocked.Increment(ref acknowledged);
                    await Task.Delay(50);
                }

                clients.ForEach(c => c.Dispose());
            });
            var streams = new[] { Stream("viaB", [b], 7), Stream("viaA", [a, b], 11) };
            await WaitUntilAsync(() => Volatile.Read(ref acknowledged) >= 20, TimeSpan.FromSeconds(30), "twenty batches acknowledged");

            a.Kill();
            var killedAt = DateTimeOffset.UtcNow;
            output.WriteLine($"killed A (-9) after {acknowledged} acknowledged batches");

            // Boards on B are live again when a probe posted to B after the kill shows on B's hub board, for every team
            // (all of their grains were on A).
            var live = org.Teams.Select(team => ProbeUntilLiveAsync(b, onB, team, killedAt, () => Interlocked.Increment(ref retries))).ToList();

            // The wallboard that watched A: its connection drops, and it comes back through B (the load balancer's
            // other node) and resyncs from snapshots.
            var droppedAt = await disconnectedFromA.Task.WaitAsync(TimeSpan.FromSeconds(15));
            await onA.DisposeAsync();
            await using var movedToB = await LiveBoards.ConnectAsync(b, org.Teams, TimeSpan.FromSeconds(45));
            var resyncedAt = DateTimeOffset.UtcNow;

            var results = await Task.WhenAll(live);
            foreach (var (team, probes, hubAt, restAt) in results)
            {
                expectedProbes[team] = probes;
                output.WriteLine($"team {team}: live again on B's hub {(hubAt - killedAt).TotalSeconds:0.0} s after the kill, on B's REST board {(restAt - killedAt).TotalSeconds:0.0} s");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            await stopStreaming.CancelAsync();
            await Task.WhenAll(streams);
            foreach (var batchReps in batches)
            {
                batchReps.ForEach(r => expectedCalls[r]++);
            }

            var sent = expectedCalls.Values.Sum();
            output.WriteLine($"A's hub client dropped {Math.Max(0, (droppedAt - killedAt).TotalSeconds):0.0} s after the kill, resynced on B {(resyncedAt - killedAt).TotalSeconds:0.0} s after it");
            output.WriteLine($"{acknowledged} batches ({sent} calls, warm-up included) acknowledged; {retries} posts retried, {duplicates} duplicates reported by the acknowledgements of retried batches");

            // Exact totals, from the log (?at=) and from the live grains, over REST and on both hub clients.
            using var reader = b.Client();
            var at = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(1).ToString("O", CultureInfo.InvariantCulture));
            foreach (var team in org.Teams)
            {
                foreach (var query in new[] { $"/api/teams/{team}/board?at={at}", $"/api/teams/{team}/board" })
                {
                    var board = await Json.ReadAsync(await reader.GetAsync(query));
                    foreach (var rep in org.Reps[team])
                    {
                        var row = Json.Row(board, rep);
                        Assert.Equal(expectedCalls[rep], LiveBoards.ActualOf(row, "call"));
                        Assert.Equal(rep == org.Reps[team][0] ? expectedProbes[team] : 0, LiveBoards.ActualOf(row, "probe"));
                    }
                }

                // Every team's grain lived on A: the board's version now comes from an activation after the kill
                // (a team grain starts its version at its activation's Unix milliseconds).
                var version = (await Json.ReadAsync(await reader.GetAsync($"/api/teams/{team}/board"))).GetProperty("version").GetInt64();
                Assert.True(version >= killedAt.ToUnixTimeMilliseconds(), $"team {team}'s grain was not reactivated after the kill (version {version})");

                foreach (var client in new[] { onB, movedToB })
                {
                    await client.WhenAsync(team, (_, rows) => org.Reps[team].All(rep =>
                        rows.TryGetValue(rep, out var row) && LiveBoards.ActualOf(row, "call") == expectedCalls[rep]))
                        .WaitAsync(TimeSpan.FromSeconds(10));
                }
            }

            output.WriteLine($"final totals exact on every team: lost 0, double counted 0 ({onB.Resubscriptions} resubscriptions on B's client after gaps)");
        });
    }

    /// <summary>Posts a batch once: the duplicates its acknowledgement (202) reported, or null without one.</summary>
    private static async Task<int?> TryPostAsync(HttpClient client, object batch)
    {
        try
        {
            var response = await client.PostAsJsonAsync("/api/activities", batch);
            return response.StatusCode == HttpStatusCode.Accepted ? (await Json.ReadAsync(response)).GetProperty("duplicates").GetInt32() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Posts a batch until it is acknowledged.</summary>
    private static async Task PostUntilAcknowledgedAsync(HttpClient client, object batch, Action onRetry)
    {
        while (await TryPostAsync(client, batch) is null)
        {
            onRetry();
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Posts a probe for the team's first rep every 250 ms (each retried until acknowledged) until the team's board on
    /// B's hub shows one, then until B's REST board does; returns how many probes were acknowledged and both moments.
    /// </summary>
    private static async Task<(string Team, int Probes, DateTimeOffset HubAt, DateTimeOffset RestAt)> ProbeUntilLiveAsync(
        ClusterNode b, LiveBoards onB, string team, DateTimeOffset since, Action onRetry)
    {
        using var client = b.Client(TimeSpan.FromSeconds(5));
        var rep = team + "-r1";
        var onHub = onB.WhenAsync(team, (_, rows) => rows.TryGetValue(rep, out var row) && LiveBoards.ActualOf(row, "probe") >= 1);
        var probes = 0;
        DateTimeOffset? restAt = null;
        var deadline = since + TimeSpan.FromSeconds(60);
        while (!onHub.IsCompleted || restAt is null)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"team {team} was not live again on B within 60 s");
            if (!onHub.IsCompleted)
            {
                await PostUntilAcknowledgedAsync(client, new[] { ClusterOrg.Activity($"probe-{team}-{probes}", rep, "probe") }, onRetry);
                probes++;
            }

            if (restAt is null)
            {
                try
                {
                    var board = await Json.ReadAsync(await client.GetAsync($"/api/teams/{team}/board"));
                    if (board.TryGetProperty("reps", out _) && LiveBoards.ActualOf(Json.Row(board, rep), "probe") >= 1)
                    {
                        restAt = DateTimeOffset.UtcNow;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
                {
                }
            }

            await Task.Delay(250);
        }

        return (team, probes, await onHub, restAt.Value);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {timeout} for {what}.");
            await Task.Delay(100);
        }
    }

    private Task DiagnoseOnFailure(ClusterNode[] nodes, Func<Task> test) => DiagnoseOnFailure(() => nodes, test);

    private async Task DiagnoseOnFailure(Func<ClusterNode[]> nodes, Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            foreach (var node in nodes())
            {
                output.WriteLine(node.Output());
            }

            throw;
        }
    }
}
