using System.Text.Json;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Grains.Tests.Infrastructure;
using static SalesCoach.Live.Grains.Tests.Infrastructure.TestActivity;

namespace SalesCoach.Live.Grains.Tests.Gamification;

/// <summary>
/// Rule changes while a contest runs: each is logged with who made it and what moved from what to what, the standings
/// follow the new rules, a new end moves the durable end reminder (still deciding exactly once), and a decided contest
/// refuses changes. A cluster of its own: these tests wait for real reminders.
/// </summary>
public sealed class CompetitionRuleChangeTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    [Fact]
    public async Task An_earlier_end_moves_the_reminder_which_decides_the_contest_once_at_the_new_end()
    {
        var now = cluster.StartFreshWeek(TestOrg.League, DayOfWeek.Wednesday, TimeSpan.FromHours(10));
        await cluster.IngestAsync(Call("lena", now.AddMinutes(-20), 4), Call("max", now.AddMinutes(-10), 6));
        var contest = Contest("wednesday-sprint");
        Assert.True(await contest.CreateAsync(Spec("wednesday-sprint", now.AddHours(-1), now.AddHours(3))));

        // Three hours away: only a moved reminder can decide it within this test.
        var newEnd = now.AddSeconds(10);
        Assert.Equal(CompetitionChangeOutcome.Changed, await contest.ChangeAsync(new CompetitionChange("coach-anna", null, newEnd, null, null)));
        var changed = await ReadAsync(contest);
        Assert.Equal(Local(newEnd), changed.GetProperty("end").GetString());
        var entry = Assert.Single(changed.GetProperty("ruleChanges").EnumerateArray());
        Assert.Equal("coach-anna", entry.GetProperty("by").GetString());
        Assert.Equal(Local(now), entry.GetProperty("at").GetString());
        var item = Assert.Single(entry.GetProperty("changes").EnumerateArray());
        Assert.Equal(("end", Local(now.AddHours(3)), Local(newEnd)), (item.GetProperty("field").GetString(), item.GetProperty("from").GetString(), item.GetProperty("to").GetString()));

        cluster.MoveClockTo(newEnd.AddSeconds(1));
        await GrainCluster.WaitUntilAsync(async () => (await ReadAsync(contest)).GetProperty("status").GetString() == "decided", "the contest is decided", TimeSpan.FromSeconds(90));
        var decided = await ReadAsync(contest);
        Assert.Equal("max", decided.GetProperty("winnerId").GetString());

        // The reminder's later ticks (every minute, and a retry) find it decided: one winner, announced once.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await WinsAsync("wednesday-sprint"));

        // Decided: the rules are final.
        Assert.Equal(CompetitionChangeOutcome.Finished, await contest.ChangeAsync(new CompetitionChange("coach-anna", "Too late", null, null, null)));
        Assert.Single((await ReadAsync(contest)).GetProperty("ruleChanges").EnumerateArray());
    }

    [Fact]
    public async Task Handicaps_targets_and_a_later_end_change_the_standings_and_each_change_is_logged()
    {
        var now = cluster.StartFreshWeek(TestOrg.League, DayOfWeek.Thursday, TimeSpan.FromHours(10));
        await cluster.IngestAsync(Call("lena", now.AddMinutes(-20), 4), Call("max", now.AddMinutes(-10), 5));
        var contest = Contest("thursday-race");
        var end = now.AddSeconds(5);
        Assert.True(await contest.CreateAsync(Spec("thursday-race", now.AddHours(-1), end, finish: "firstTo", target: 20)));
        Assert.Equal(["max", "lena"], Ids(await ReadAsync(contest)));

        // Lena is in ramp: her 4 calls count 1.5 times, so she leads.
        Assert.Equal(CompetitionChangeOutcome.Changed, await contest.ChangeAsync(new CompetitionChange("coach-anna", "Thursday race", end.AddHours(2), 30, new() { ["lena"] = 1.5 })));
        var changed = await ReadAsync(contest);
        Assert.Equal(["lena", "max"], Ids(changed));
        Assert.Equal(6, changed.GetProperty("standings")[0].GetProperty("score").GetDouble());
        Assert.Equal(("Thursday race", 30d, 1.5), (changed.GetProperty("name").GetString(), changed.GetProperty("target").GetDouble(), changed.GetProperty("handicaps").GetProperty("lena").GetDouble()));
        var fields = changed.GetProperty("ruleChanges")[0].GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString(), c.GetProperty("from").GetString(), c.GetProperty("to").GetString()))
            .ToList();
        Assert.Equal(
            [("name", "Race", "Thursday race"), ("end", Local(end), Local(end.AddHours(2))), ("target", "20", "30"), ("handicaps.lena", null, "1.5")],
            fields);

        // The same values again: nothing to log.
        Assert.Equal(CompetitionChangeOutcome.Unchanged, await contest.ChangeAsync(new CompetitionChange("coach-ben", "Thursday race", null, 30, new() { ["lena"] = 1.5 })));
        // A handicap of 1 takes the handicap away, in a second entry by another coach.
        Assert.Equal(CompetitionChangeOutcome.Changed, await contest.ChangeAsync(new CompetitionChange("coach-ben", null, null, null, new() { ["lena"] = 1 })));
        var second = await ReadAsync(contest);
        Assert.Equal(2, second.GetProperty("ruleChanges").GetArrayLength());
        Assert.Equal("coach-ben", second.GetProperty("ruleChanges")[1].GetProperty("by").GetString());
        Assert.False(second.GetProperty("handicaps").TryGetProperty("lena", out _));
        Assert.Equal(["max", "lena"], Ids(second));

        // An end in the past is refused, and the old end passes without a decision: the end is the new one.
        Assert.Equal(CompetitionChangeOutcome.EndNotAllowed, await contest.ChangeAsync(new CompetitionChange("coach-ben", null, now.AddMinutes(-1), null, null)));
        cluster.MoveClockTo(end.AddSeconds(2));
        await Task.Delay(TimeSpan.FromSeconds(8));
        var running = await ReadAsync(contest);
        Assert.Equal("running", running.GetProperty("status").GetString());
        Assert.Empty(await WinsAsync("thursday-race"));
    }

    private ICompetitionGrain Contest(string id) => cluster.Grains.GetGrain<ICompetitionGrain>(id);

    private static CompetitionSpec Spec(string id, DateTimeOffset start, DateTimeOffset end, string finish = "most", double target = 0) =>
        new(id, "Race", TestOrg.League, "reps", ["lena", "max"], "call", finish, target, start, end, []);

    private string Local(DateTimeOffset instant) =>
        Abstractions.Json.ContractJson.FormatInstant(cluster.TeamOf(TestOrg.League).Calendar.ToLocal(instant));

    private async Task<List<JsonElement>> WinsAsync(string competitionId)
    {
        using var feed = JsonDocument.Parse(Abstractions.Json.ContractJson.Serialize(await cluster.Grains.GetGrain<ITeamGamificationGrain>(TestOrg.League).GetMomentsAsync()));
        return [.. feed.RootElement.GetProperty("moments").EnumerateArray()
            .Where(m => m.GetProperty("kind").GetString() == "competition" && m.GetProperty("detail").GetString() == competitionId)
            .Select(m => m.Clone())];
    }

    private static async Task<JsonElement> ReadAsync(ICompetitionGrain contest)
    {
        using var document = JsonDocument.Parse(Abstractions.Json.ContractJson.Serialize((await contest.GetAsync())!));
        return document.RootElement.Clone();
    }

    private static List<string?> Ids(JsonElement contest) =>
        [.. contest.GetProperty("standings").EnumerateArray().Select(s => s.GetProperty("id").GetString())];
}
