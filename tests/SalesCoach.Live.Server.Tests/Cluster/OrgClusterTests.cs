using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SalesCoach.Live.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesCoach.Live.Server.Tests.Cluster;

/// <summary>
/// An org edit saved through one node of a PostgreSQL cluster reaches the other node within seconds (it polls the
/// store's newest revision), without a restart; both nodes started from the same file store it once.
/// </summary>
public sealed class OrgClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_org_saved_on_one_node_is_in_force_on_the_other_within_seconds()
    {
        await using var database = await ClusterDatabase.CreateAsync();
        var org = new ClusterOrg(teams: 2, repsPerTeam: 2);
        using var a = await ClusterNode.StartAsync("A", database.ConnectionString, org.Json);
        using var b = await ClusterNode.StartAsync("B", database.ConnectionString, org.Json);
        try
        {
            await Task.WhenAll(a.WaitReadyAsync(relays: 2, StartTimeout), b.WaitReadyAsync(relays: 2, StartTimeout));
            Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM org_revisions"));
            using var onA = a.Client();
            using var onB = b.Client();
            var document = JsonNode.Parse(await (await onA.GetAsync("/api/admin/org")).Content.ReadAsStringAsync())!.AsObject();
            var team = document["teams"]![1]!;
            team["name"] = "Renamed live";
            team["goals"]![0]!["target"] = 2000;
            team["reps"]!.AsArray().Add(new JsonObject { ["id"] = "t2-new", ["name"] = "Rep new" });

            var saved = Stopwatch.StartNew();
            var response = await onA.PutAsync("/api/admin/org", new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            // B's own copy of the org: its team list (answered from the node's org, not a grain) and ingest
            // validation, which knows the new rep only once B follows.
            while (true)
            {
                var teams = await Json.ReadAsync(await onB.GetAsync("/api/teams"));
                if (teams.EnumerateArray().Any(t => t.GetProperty("name").GetString() == "Renamed live"))
                {
                    break;
                }

                Assert.True(saved.Elapsed < TimeSpan.FromSeconds(10), "node B did not follow the new org revision within 10 s");
                await Task.Delay(50);
            }

            var followed = saved.Elapsed;
            output.WriteLine($"node B followed the org revision saved on A after {followed.TotalMilliseconds:0} ms");
            var posted = await onB.PostAsync("/api/activities", new StringContent(
                System.Text.Json.JsonSerializer.Serialize(new[] { ClusterOrg.Activity("new-rep-1", "t2-new") }), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            var board = await Json.ReadAsync(await onB.GetAsync("/api/teams/t2/board"));
            Assert.Equal(2000, Json.Row(board, "t2-r1").GetProperty("metrics").GetProperty("call").GetProperty("goal").GetDouble());
            Assert.Equal(1, Json.Row(board, "t2-new").GetProperty("metrics").GetProperty("call").GetProperty("actual").GetDouble());
            Assert.InRange(followed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        }
        catch
        {
            output.WriteLine(a.Output());
            output.WriteLine(b.Output());
            throw;
        }
    }
}
