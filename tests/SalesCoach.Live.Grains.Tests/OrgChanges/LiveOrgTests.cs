using System.Text.Json;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Grains.Tests.Infrastructure;
using static SalesCoach.Live.Grains.Tests.Infrastructure.TestActivity;

namespace SalesCoach.Live.Grains.Tests.OrgChanges;

/// <summary>
/// The org changed while grains run: goals, reps and teams follow on the next call without a restart. These tests have
/// a silo of their own, since they change the org the grains see (the shared silo's tests rely on the test org).
/// </summary>
public sealed class LiveOrgTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    [Fact]
    public async Task A_goal_changed_live_changes_the_boards_goal_and_expected()
    {
        // Wednesday 12:00 UTC on the round-the-clock floor: half the day has gone.
        var now = cluster.StartFreshWeek(TestOrg.Floor, DayOfWeek.Wednesday, TimeSpan.FromHours(12));
        await cluster.IngestAsync(Call("olga", now.AddMinutes(-30), 60));
        var before = await cluster.BoardAsync(TestOrg.Floor);
        Assert.Equal(100, Calls(before, "olga").GetProperty("goal").GetDouble());
        Assert.Equal(50, Calls(before, "olga").GetProperty("expected").GetDouble());
        Assert.Equal("ahead", Calls(before, "olga").GetProperty("status").GetString());

        Apply(TestOrg.Json.Replace("""{ "metric": "call", "period": "day", "target": 100 }""", """{ "metric": "call", "period": "day", "target": 200 }"""));
        var after = await cluster.BoardAsync(TestOrg.Floor);

        Assert.Equal(200, Calls(after, "olga").GetProperty("goal").GetDouble());
        Assert.Equal(100, Calls(after, "olga").GetProperty("expected").GetDouble());
        Assert.Equal(60, Calls(after, "olga").GetProperty("actual").GetDouble());
        Assert.Equal(0.6, Calls(after, "olga").GetProperty("paceRatio").GetDouble());
        Assert.NotEqual("ahead", Calls(after, "olga").GetProperty("status").GetString());
        Assert.True(after.Version > before.Version);

        // The change was pushed as a delta that skips a version on purpose, so every client asks for a snapshot.
        var resync = await cluster.Relay.WaitForAsync(TestOrg.Floor, RelayPush.Delta, d => Version(d) == after.Version);
        Assert.NotEqual(before.Version, resync.GetProperty("fromVersion").GetInt64());
        Assert.True(resync.GetProperty("fromVersion").GetInt64() > before.Version);
    }

    [Fact]
    public async Task A_new_rep_appears_on_the_board_and_a_removed_one_disappears_with_their_activities_kept()
    {
        var now = cluster.StartFreshWeek(TestOrg.Floor, DayOfWeek.Thursday, TimeSpan.FromHours(10));
        await cluster.IngestAsync(Call("wanda", now.AddMinutes(-5), 7));
        Assert.Equal(7, (await cluster.BoardAsync(TestOrg.Floor)).Actual("wanda", "call"));

        Apply(TestOrg.Json.Replace(
            """{ "id": "wanda", "name": "Wanda Woken" }""", """{ "id": "nina", "name": "Nina New" }"""));
        var board = await cluster.BoardAsync(TestOrg.Floor);

        Assert.Equal(0, board.Actual("nina", "call"));
        Assert.DoesNotContain(board.Root.GetProperty("reps").EnumerateArray(), r => r.GetProperty("repId").GetString() == "wanda");
        await cluster.IngestAsync(Call("nina", now.AddMinutes(-1), 3));
        Assert.Equal(3, (await cluster.BoardAsync(TestOrg.Floor)).Actual("nina", "call"));
        var kept = await cluster.Log.ReadByOccurrenceAsync(["wanda"], now.AddHours(-1), now);
        Assert.Equal(7, kept.Sum(a => a.Quantity));

        // Back in the org, the rep's history comes back with them.
        Apply(TestOrg.Json);
        Assert.Equal(7, (await cluster.BoardAsync(TestOrg.Floor)).Actual("wanda", "call"));
    }

    [Fact]
    public async Task A_rep_moved_to_another_team_takes_their_numbers_along()
    {
        var now = cluster.StartFreshWeek(TestOrg.Floor, DayOfWeek.Tuesday, TimeSpan.FromHours(11));
        await cluster.IngestAsync(Call("cleo", now.AddMinutes(-10), 4));
        Assert.Equal(4, (await cluster.BoardAsync(TestOrg.Floor)).Actual("cleo", "call"));

        Apply(TestOrg.Json
            .Replace("""{ "id": "cleo",  "name": "Cleo Closer" },""", "")
            .Replace("""{ "id": "ida", "name": "Ida Idle" }""", """{ "id": "ida", "name": "Ida Idle" }, { "id": "cleo", "name": "Cleo Closer" }"""));
        await cluster.IngestAsync(Call("cleo", now.AddMinutes(-1), 1));

        var emea = await cluster.BoardAsync(TestOrg.Emea);
        var floor = await cluster.BoardAsync(TestOrg.Floor);
        Assert.Equal(5, emea.Actual("cleo", "call"));
        Assert.Equal(60, Calls(emea, "cleo").GetProperty("goal").GetDouble());
        Assert.DoesNotContain(floor.Root.GetProperty("reps").EnumerateArray(), r => r.GetProperty("repId").GetString() == "cleo");
        Apply(TestOrg.Json);
    }

    private void Apply(string json) => Assert.True(cluster.Org.Apply(OrgFile.Parse(json), cluster.Org.Revision + 1));

    private static JsonElement Calls(BoardView board, string repId) => BoardView.Figures(board.Row(repId), "call");

    private static long Version(JsonElement delta) => delta.GetProperty("version").GetInt64();
}
