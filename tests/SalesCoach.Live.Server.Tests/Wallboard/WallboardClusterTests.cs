using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SalesCoach.Live.Server.Tests.Cluster;
using Xunit.Abstractions;

namespace SalesCoach.Live.Server.Tests.Wallboard;

/// <summary>
/// Two nodes on one PostgreSQL store: a TV connected to one node is paired, follows its board and is revoked through
/// the other (each node notices the store's changes by its change stamp within a few seconds).
/// </summary>
public sealed class WallboardClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_TV_on_one_node_is_paired_changed_and_revoked_through_the_other()
    {
        await using var database = await ClusterDatabase.CreateAsync();
        var org = new ClusterOrg(teams: 2, repsPerTeam: 1);
        using var a = await ClusterNode.StartAsync("A", database.ConnectionString, org.Json);
        using var b = await ClusterNode.StartAsync("B", database.ConnectionString, org.Json);
        try
        {
            await Task.WhenAll(a.WaitReadyAsync(relays: 2, StartTimeout), b.WaitReadyAsync(relays: 2, StartTimeout));
            using var admin = a.Client();
            (await admin.PostAsJsonAsync("/api/wallboards", new { id = "floor", title = "Floor", teams = new[] { "t1" } })).EnsureSuccessStatusCode();

            // The TV waits on B; the admin pairs it on A.
            var paired = Channel.CreateUnbounded<JsonElement>();
            await using var waiting = new HubConnectionBuilder().WithUrl(new Uri(b.BaseAddress, "/hubs/live?pairing=1")).Build();
            waiting.On<JsonElement>("paired", p => paired.Writer.TryWrite(p));
            await waiting.StartAsync();
            var code = (await waiting.InvokeAsync<JsonElement>("StartPairing")).GetProperty("code").GetString();
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/wallboards/floor/pair", new { code })).StatusCode);
            var token = (await Next(paired)).GetProperty("token").GetString();

            var configs = Channel.CreateUnbounded<JsonElement>();
            var revoked = Channel.CreateUnbounded<JsonElement>();
            await using var tv = new HubConnectionBuilder()
                .WithUrl(new Uri(b.BaseAddress, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult(token))
                .Build();
            tv.On<JsonElement>("wallboardConfig", c => configs.Writer.TryWrite(c));
            tv.On<JsonElement>("revoked", r => revoked.Writer.TryWrite(r));
            await tv.StartAsync();
            Assert.Equal(1, (await tv.InvokeAsync<JsonElement>("OpenWallboard", (string?)null)).GetProperty("revision").GetInt64());
            await tv.InvokeAsync("SubscribeTeam", "t1");
            await Assert.ThrowsAsync<HubException>(() => tv.InvokeAsync("SubscribeTeam", "t2"));

            // The board changes on A: B pushes it to its TV, which may now show the new team.
            (await admin.PutAsJsonAsync("/api/wallboards/floor", new { title = "Floor", teams = new[] { "t1", "t2" } })).EnsureSuccessStatusCode();
            Assert.Equal(2, (await Next(configs)).GetProperty("revision").GetInt64());
            await tv.InvokeAsync("SubscribeTeam", "t2");

            // Revoked on A: B tells its TV and closes the connection.
            var tokenId = (await GetJsonAsync(admin, "/api/wallboards/floor/tokens")).EnumerateArray().Single().GetProperty("tokenId").GetString();
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/wallboards/floor/tokens/{tokenId}")).StatusCode);
            Assert.Equal(tokenId, (await Next(revoked)).GetProperty("tokenId").GetString());
        }
        catch
        {
            output.WriteLine(a.Output());
            output.WriteLine(b.Output());
            throw;
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path) =>
        JsonDocument.Parse(await client.GetStringAsync(path)).RootElement.Clone();

    // The nodes poll the store every 2 s; 15 s is plenty on a busy machine.
    private static async Task<JsonElement> Next(Channel<JsonElement> channel)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await channel.Reader.ReadAsync(timeout.Token);
    }
}
