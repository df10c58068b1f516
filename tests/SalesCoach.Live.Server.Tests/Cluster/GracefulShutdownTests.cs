using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using SalesCoach.Live.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesCoach.Live.Server.Tests.Cluster;

/// <summary>
/// A node of a two-node PostgreSQL cluster is stopped with SIGTERM while activities stream into it and a hub client
/// watches it: the hub connection is closed at once (the client reconnects to the other node and resyncs), posts in
/// flight are answered 202 or fail as a whole (never half-written), and the node exits cleanly.
/// </summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>How soon a stopping node must have closed its hub connections (measured: well under a second).</summary>
    private static readonly TimeSpan HubCloseBound = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_stopping_node_closes_hub_connections_at_once_and_in_flight_posts_complete_or_fail_whole()
    {
        await using var database = await ClusterDatabase.CreateAsync();
        var org = new ClusterOrg(teams: 2, repsPerTeam: 2);
        var reps = org.Teams.SelectMany(t => org.Reps[t]).ToList();
        using var a = await ClusterNode.StartAsync("A", database.ConnectionString, org.Json);
        using var b = await ClusterNode.StartAsync("B", database.ConnectionString, org.Json);
        try
        {
            await Task.WhenAll(a.WaitReadyAsync(relays: 2, StartTimeout), b.WaitReadyAsync(relays: 2, StartTimeout));
            var onA = await LiveBoards.ConnectAsync(a, org.Teams);
            var closed = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            var stopWatch = new Stopwatch();
            onA.Connection.Closed += _ =>
            {
                closed.TrySetResult(stopWatch.Elapsed);
                return Task.CompletedTask;
            };

            // Four streams of 25-call batches into A; each stops at its first post that is not acknowledged.
            var acknowledged = new ConcurrentBag<List<Dictionary<string, object?>>>();
            var unanswered = new ConcurrentBag<(List<Dictionary<string, object?>> Batch, string Outcome)>();
            var streams = Enumerable.Range(0, 4).Select(s => Task.Run(async () =>
            {
                using var client = a.Client(TimeSpan.FromSeconds(20));
                for (var n = 0; ; n++)
                {
                    var batch = Enumerable.Range(0, 25).Select(i => ClusterOrg.Activity($"s{s}-{n}-{i}", reps[(s + i) % reps.Count])).ToList();
                    try
                    {
                        var response = await client.PostAsJsonAsync("/api/activities", batch);
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            acknowledged.Add(batch);
                            continue;
                        }

                        unanswered.Add((batch, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)));
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        unanswered.Add((batch, $"{e.GetType().Name}: {e.InnerException?.Message ?? e.Message}"));
                    }

                    return;
                }
            })).ToList();
            while (acknowledged.Count < 20)
            {
                await Task.Delay(20);
            }

            stopWatch.Start();
            a.Terminate();
            var hubClosedAfter = await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.WhenAll(streams).WaitAsync(TimeSpan.FromSeconds(30));
            var exitCode = await a.WaitForExitAsync(TimeSpan.FromSeconds(40));
            var exitedAfter = stopWatch.Elapsed;
            output.WriteLine($"SIGTERM: hub connection closed after {hubClosedAfter.TotalMilliseconds:0} ms, process exited ({exitCode}) after {exitedAfter.TotalMilliseconds:0} ms");
            output.WriteLine($"{acknowledged.Count} batches acknowledged by A; last posts: {string.Join(", ", unanswered.Select(u => u.Outcome))}");
            Assert.Equal(0, exitCode);
            Assert.InRange(hubClosedAfter, TimeSpan.Zero, HubCloseBound);
            Assert.All(unanswered, u => Assert.NotEqual("500", u.Outcome));

            // Nothing half-written: of every batch A did not acknowledge, the log has all or none; of every acknowledged
            // batch, all. The audit of each rep (from B) lists the ids in the log.
            using var onB = b.Client();
            var logged = new HashSet<string>(StringComparer.Ordinal);
            var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O", CultureInfo.InvariantCulture));
            var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture));
            foreach (var rep in reps)
            {
                var audit = await Json.ReadAsync(await onB.GetAsync($"/api/reps/{rep}/audit?from={from}&to={to}"));
                logged.UnionWith(audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
            }

            Assert.All(acknowledged, batch => Assert.All(batch, item => Assert.Contains((string)item["id"]!, logged)));
            foreach (var (batch, outcome) in unanswered)
            {
                var present = batch.Count(item => logged.Contains((string)item["id"]!));
                Assert.True(present == 0 || present == batch.Count, $"a batch answered {outcome} is half-written: {present} of {batch.Count} in the log");
            }

            // The client of A reconnects to B (as through the proxy), resyncs, and the retried batches count once.
            await onA.DisposeAsync();
            var reconnect = Stopwatch.StartNew();
            await using var movedToB = await LiveBoards.ConnectAsync(b, org.Teams, TimeSpan.FromSeconds(30));
            output.WriteLine($"hub client resynced on B {reconnect.ElapsedMilliseconds} ms after it reconnected");
            foreach (var (batch, _) in unanswered)
            {
                Assert.Equal(HttpStatusCode.Accepted, (await onB.PostAsJsonAsync("/api/activities", batch)).StatusCode);
            }

            var expected = reps.ToDictionary(r => r, _ => 0, StringComparer.Ordinal);
            foreach (var item in acknowledged.Concat(unanswered.Select(u => u.Batch)).SelectMany(batch => batch))
            {
                expected[(string)item["repId"]!]++;
            }

            foreach (var team in org.Teams)
            {
                await movedToB.WhenAsync(team, (_, rows) => org.Reps[team].All(rep =>
                    rows.TryGetValue(rep, out var row) && LiveBoards.ActualOf(row, "call") == expected[rep]))
                    .WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch
        {
            output.WriteLine(a.Output());
            output.WriteLine(b.Output());
            throw;
        }
    }
}
