using System.Text.Json;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Grains.Tests.Infrastructure;
using static SalesCoach.Live.Grains.Tests.Infrastructure.TestActivity;

namespace SalesCoach.Live.Grains.Tests.Gamification;

/// <summary>
/// A contest's end is decided once, by its durable reminder, even when the silo restarts during the contest. This class
/// has a cluster of its own (not the shared collection's), because it restarts the silo; the grain state and the
/// reminder table live in the SQLite file that survives the restart.
/// </summary>
public sealed class CompetitionRestartTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    [Fact]
    public async Task The_end_reminder_decides_the_contest_after_a_silo_restart()
    {
        var now = cluster.StartFreshWeek(TestOrg.League, DayOfWeek.Tuesday, TimeSpan.FromHours(10));
        await cluster.IngestAsync(Call("lena", now.AddMinutes(-20), 3), Call("max", now.AddMinutes(-10), 5), Call("max", now.AddMinutes(-70), 9));
        var end = now.AddSeconds(15);
        var spec = new CompetitionSpec(
            "tuesday-sprint", "Tuesday sprint", TestOrg.League, "reps", ["lena", "max"], "call", "most", 0, now.AddHours(-1), end, new() { ["lena"] = 1.5 });

        Assert.True(await Contest().CreateAsync(spec));
        Assert.False(await Contest().CreateAsync(spec)); // the id is taken
        var running = await ReadAsync();
        Assert.Equal("running", running.GetProperty("status").GetString());
        Assert.Equal(["max", "lena"], Ids(running)); // 5 calls (the 9 were before the start) against 3 x 1.5

        var silo = cluster.Cluster.Silos[0];
        await cluster.Cluster.RestartSiloAsync(silo);
        cluster.MoveClockTo(end.AddSeconds(1));

        await GrainCluster.WaitUntilAsync(async () => (await ReadAsync()).GetProperty("status").GetString() == "decided", "the contest is decided", TimeSpan.FromSeconds(90));
        var decided = await ReadAsync();
        Assert.Equal("max", decided.GetProperty("winnerId").GetString());
        Assert.Equal(5, decided.GetProperty("standings")[0].GetProperty("score").GetDouble());
        Assert.Equal(4.5, decided.GetProperty("standings")[1].GetProperty("score").GetDouble());

        // Announced once in the team's moments feed.
        await Task.Delay(TimeSpan.FromSeconds(2));
        using var feed = JsonDocument.Parse(Abstractions.Json.ContractJson.Serialize(await cluster.Grains.GetGrain<ITeamGamificationGrain>(TestOrg.League).GetMomentsAsync()));
        var won = feed.RootElement.GetProperty("moments").EnumerateArray().Where(m => m.GetProperty("kind").GetString() == "competition").ToList();
        Assert.Single(won);
        Assert.Equal("Max Badge won Tuesday sprint", won[0].GetProperty("text").GetString());
        Assert.Equal("tuesday-sprint", won[0].GetProperty("detail").GetString());
    }

    private ICompetitionGrain Contest() => cluster.Grains.GetGrain<ICompetitionGrain>("tuesday-sprint");

    private async Task<JsonElement> ReadAsync()
    {
        using var document = JsonDocument.Parse(Abstractions.Json.ContractJson.Serialize((await Contest().GetAsync())!));
        return document.RootElement.Clone();
    }

    private static List<string?> Ids(JsonElement contest) =>
        [.. contest.GetProperty("standings").EnumerateArray().Select(s => s.GetProperty("id").GetString())];
}
