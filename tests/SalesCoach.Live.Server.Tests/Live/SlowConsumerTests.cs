using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SalesCoach.Live.Server.Live;
using SalesCoach.Live.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace SalesCoach.Live.Server.Tests.Live;

/// <summary>
/// A client that stops reading (a frozen TV whose socket stays open) delays no other client's deltas, and the server
/// drops it within <c>Live:SlowClientSeconds</c>.
/// </summary>
public sealed class SlowConsumerTests
{
    private const int Reps = 150;

    [Fact]
    public async Task A_client_that_stops_reading_delays_nobody_and_is_dropped_within_bounds()
    {
        var folder = Path.Combine(Path.GetTempPath(), "salescoach-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var orgFile = Path.Combine(folder, "big-org.json");
        await File.WriteAllTextAsync(orgFile, BigOrg());
        using var app = new SalesCoachApp(folder, new Dictionary<string, string?>
        {
            ["Org:File"] = orgFile,
            ["Live:SlowClientSeconds"] = "3",
        });

        await using var healthy = await LiveClient.ConnectAsync(app);
        await healthy.SubscribeAsync("big");

        // The stuck client: subscribes again and again (each answer a snapshot of 150 rows) and never reads a byte,
        // until the socket buffers between it and the server are full and the server's writes to it wait.
        using var stuck = await StuckClientAsync(app);
        var invocation = Encoding.UTF8.GetBytes("""{"type":1,"target":"SubscribeTeam","arguments":["big"]}""" + "\u001e");
        for (var i = 0; i < 600; i++)
        {
            await stuck.SendAsync(invocation, WebSocketMessageType.Text, true, CancellationToken.None);
        }

        var manager = app.Services.GetRequiredService<LiveHubLifetimeManager>();
        var clock = Stopwatch.StartNew();
        var latencies = new List<TimeSpan>();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        for (var i = 0; clock.Elapsed < TimeSpan.FromSeconds(20) && (manager.Dropped == 0 || latencies.Count < 10); i++)
        {
            var repId = $"r{i % Reps:000}";
            var posted = Stopwatch.StartNew();
            var response = await app.PostAsync(new[] { TestActivity.Of(repId, "call", at) });
            response.EnsureSuccessStatusCode();
            await healthy.WaitForDeltaAsync(d => d.GetProperty("reps").EnumerateArray().Any(r => r.GetProperty("repId").GetString() == repId), TimeSpan.FromSeconds(5));
            latencies.Add(posted.Elapsed);
            await Task.Delay(300);
        }

        Assert.Equal(1, manager.Dropped);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the stuck client was not dropped within 20 s");
        // Every post reached the healthy client quickly while the stuck one was (still) connected: the coalescing
        // window (250 ms) plus a busy machine's margin, far below the stuck client's timeout.
        Assert.True(latencies.Max() < TimeSpan.FromSeconds(2), $"slowest post-to-delta: {latencies.Max().TotalMilliseconds:F0} ms");
    }

    private static async Task<ClientWebSocket> StuckClientAsync(SalesCoachApp app)
    {
        using var http = app.Client(SalesCoachApp.ReadKey);
        var negotiation = await http.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        negotiation.EnsureSuccessStatusCode();
        var token = (await negotiation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(app.BaseAddress) { Scheme = "ws", Path = "/hubs/live", Query = $"id={token}&access_token={SalesCoachApp.ReadKey}" }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"protocol":"json","version":1}""" + "\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        return socket;
    }

    private static string BigOrg()
    {
        var reps = string.Join(",", Enumerable.Range(0, Reps).Select(i => $$"""{ "id": "r{{i:000}}", "name": "Representative Number {{i:000}} of the Big Team" }"""));
        return $$"""
        {
          "metrics": [ { "key": "call", "name": "Calls", "points": 1 }, { "key": "meeting", "name": "Meetings", "points": 10, "outcomeOf": "call" } ],
          "teams": [ {
            "id": "big", "name": "Big Team", "timeZone": "Etc/UTC",
            "workingHours": { "days": ["Mon","Tue","Wed","Thu","Fri","Sat","Sun"], "start": "00:00", "end": "24:00" },
            "goals": [ { "metric": "call", "period": "day", "target": 100 }, { "metric": "meeting", "period": "week", "target": 8 } ],
            "reps": [ {{reps}} ]
          } ]
        }
        """;
    }
}
