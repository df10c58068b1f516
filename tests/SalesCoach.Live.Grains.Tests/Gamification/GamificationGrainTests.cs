using System.Text.Json;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Grains.Gamification;
using SalesCoach.Live.Grains.Tests.Infrastructure;
using static SalesCoach.Live.Grains.Tests.Infrastructure.TestActivity;

namespace SalesCoach.Live.Grains.Tests.Gamification;

/// <summary>
/// The team's gamification grain: streaks across days with the fake clock, badges awarded once, moments pushed.
/// The "league" team works Mon-Fri in Berlin with a call day goal of 5; 2031-12-31 is its holiday.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GamificationGrainTests(GrainCluster cluster)
{
    private ITeamGamificationGrain Games => cluster.Grains.GetGrain<ITeamGamificationGrain>(TestOrg.League);

    [Fact]
    public async Task A_streak_grows_over_working_days_and_a_holiday_or_weekend_does_not_break_it()
    {
        // Mon 29, Tue 30 December 2031; Wed 31 is the team's holiday; Thu 1 January 2032 is a working day here.
        var calls = 0;
        foreach (var day in new[] { "2031-12-29", "2031-12-30", "2032-01-01" })
        {
            await MeetTheGoalAsync("lena", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
            calls += 5;
            var expected = calls / 5;
            await WaitForStreakAsync("lena", expected);
        }

        // Friday morning, nothing yet: today does not break the streak before it is over.
        cluster.MoveClockTo(TestOrg.League, new DateOnly(2032, 1, 2), TimeSpan.FromHours(9.5));
        Assert.Equal(3, await StreakAsync("lena"));

        // Monday after a Friday missed: the streak is broken.
        cluster.MoveClockTo(TestOrg.League, new DateOnly(2032, 1, 5), TimeSpan.FromHours(9.5));
        Assert.Equal(0, await StreakAsync("lena"));
        await MeetTheGoalAsync("lena", new DateOnly(2032, 1, 5));
        await WaitForStreakAsync("lena", 1);

        // The holiday itself and the weekend days hold no streak days; the badges list the morning goals.
        var badges = await BadgesAsync("lena");
        Assert.Equal(4, badges.GetProperty("badges").EnumerateArray().Count(b => b.GetProperty("badge").GetString() == "goal-before-noon"));
    }

    [Fact]
    public async Task A_duplicate_or_replayed_activity_never_awards_twice_and_a_void_never_awards()
    {
        var now = cluster.StartFreshWeek(TestOrg.League, DayOfWeek.Tuesday, TimeSpan.FromHours(10));
        RecentActivity Meeting(long seq, int quantity) => new(seq, now.AddMinutes(seq), "meeting", quantity);

        await Games.RecordAsync("max", [Meeting(1, 1)]);
        await Games.RecordAsync("max", [Meeting(1, 1)]); // the same activity again
        await Games.RecordAsync("max", [Meeting(2, -1)]); // a void: the team is back to no meetings today
        await Games.RecordAsync("max", [Meeting(3, 1)]); // "first" again, but already awarded today
        await Games.RecordAsync("nora", [Meeting(1, 1)]); // not the first: max has one

        Assert.Single(Badges(await BadgesAsync("max"), "first-meeting"));
        Assert.Empty(Badges(await BadgesAsync("nora"), "first-meeting"));

        // A replay of the whole run changes nothing either.
        await Games.RecordAsync("max", [Meeting(1, 1), Meeting(2, -1), Meeting(3, 1)]);
        Assert.Single(Badges(await BadgesAsync("max"), "first-meeting"));

        // After a reactivation the awards and the seen sequence numbers come back from storage.
        await cluster.DeactivateAsync(Games);
        await Games.RecordAsync("max", [Meeting(3, 1)]);
        Assert.Single(Badges(await BadgesAsync("max"), "first-meeting"));
    }

    [Fact]
    public async Task A_comeback_from_at_risk_to_on_pace_is_awarded_once()
    {
        var now = cluster.StartFreshWeek(TestOrg.League, DayOfWeek.Wednesday, TimeSpan.FromHours(16.5));
        var atFour = now.AddMinutes(-30);

        // At 16:00 a meeting arrives while calls are 0 of 4.375 expected: at risk. Five calls at 16:30 make 5 of 4.69.
        await Games.RecordAsync("pia", [new RecentActivity(100, atFour, "meeting", 1)]);
        await Games.RecordAsync("pia", [new RecentActivity(101, now, "call", 5)]);
        await Games.RecordAsync("pia", [new RecentActivity(102, now, "call", 1)]);

        Assert.Single(Badges(await BadgesAsync("pia"), "comeback"));
        var moment = await cluster.Relay.WaitForAsync(TestOrg.League, RelayPush.Moment, m => m.GetProperty("repId").GetString() == "pia" && m.TryGetProperty("detail", out var d) && d.GetString() == "comeback");
        Assert.Equal("badge", moment.GetProperty("kind").GetString());
        Assert.Equal("Pia Comeback earned Comeback", moment.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Goal_hit_and_new_leader_are_pushed_as_moments_and_kept_in_the_feed()
    {
        var now = cluster.StartFreshWeek(TestOrg.League, DayOfWeek.Thursday, TimeSpan.FromHours(14));

        await cluster.IngestAsync(Call("otto", now.AddMinutes(-3), 5));

        var goal = await cluster.Relay.WaitForAsync(TestOrg.League, RelayPush.Moment, m => m.GetProperty("repId").GetString() == "otto" && m.GetProperty("kind").GetString() == "goal");
        Assert.Equal("call", goal.GetProperty("detail").GetString());
        Assert.Equal(5, goal.GetProperty("value").GetDecimal());
        Assert.Equal("+01:00", goal.GetProperty("occurredAt").GetString()![^6..]);
        await cluster.Relay.WaitForAsync(TestOrg.League, RelayPush.Moment, m => m.GetProperty("repId").GetString() == "otto" && m.GetProperty("kind").GetString() == "leader");

        using var feed = JsonDocument.Parse(Abstractions.Json.ContractJson.Serialize(await Games.GetMomentsAsync()));
        Assert.Equal(TestOrg.League, feed.RootElement.GetProperty("teamId").GetString());
        var kinds = feed.RootElement.GetProperty("moments").EnumerateArray()
            .Where(m => m.GetProperty("repId").GetString() == "otto")
            .Select(m => m.GetProperty("kind").GetString())
            .ToList();
        Assert.Contains("goal", kinds);
        Assert.Contains("leader", kinds);
    }

    [Fact]
    public async Task A_hot_hand_is_announced_once_a_day_and_a_void_takes_an_activity_back()
    {
        var now = cluster.StartFreshWeek(TestOrg.League, DayOfWeek.Friday, TimeSpan.FromHours(15));
        RecentActivity Call(long seq, int minutesAgo, int quantity = 1) => new(seq, now.AddMinutes(-minutesAgo), "call", quantity);

        // Nine calls in 20 minutes, then a void: not yet ten. Two more within the window: hot.
        await Games.RecordAsync("quin", [.. Enumerable.Range(1, 9).Select(i => Call(i, 30 - i))]);
        await Games.RecordAsync("quin", [Call(10, 20, -1)]);
        await Games.RecordAsync("quin", [Call(11, 10)]);
        Assert.DoesNotContain(await FeedAsync("quin"), m => m.GetProperty("kind").GetString() == "hotHand");
        await Games.RecordAsync("quin", [Call(12, 9), Call(13, 8)]);
        await Games.RecordAsync("quin", [.. Enumerable.Range(14, 12).Select(i => Call(i, 5))]);

        var hot = Assert.Single(await FeedAsync("quin"), m => m.GetProperty("kind").GetString() == "hotHand");
        Assert.Equal("Quin Hot is on fire: 10 in 30 minutes", hot.GetProperty("text").GetString());
        await cluster.Relay.WaitForAsync(TestOrg.League, RelayPush.Moment, m => m.GetProperty("repId").GetString() == "quin" && m.GetProperty("kind").GetString() == "hotHand");
    }

    [Fact]
    public async Task Calls_after_the_hot_hand_still_count_for_the_next_day_when_they_are_within_its_window()
    {
        // Tuesday: hot at 23:09 (ten calls); five more at 23:50-23:54 are no longer needed for Tuesday, but the
        // window of Wednesday's first half hour reaches back to them: five calls at 00:05-00:09 make ten.
        var evening = cluster.StartFreshWeek(TestOrg.League, DayOfWeek.Tuesday, TimeSpan.FromHours(23.95));
        var tuesday = cluster.TeamOf(TestOrg.League).Calendar.LocalDate(evening);
        RecentActivity Call(long seq, DateTimeOffset at) => new(seq, at, "call", 1);
        var late = evening.AddMinutes(-57); // 23:00
        await Games.RecordAsync("ivo", [.. Enumerable.Range(0, 10).Select(i => Call(i + 1, late.AddMinutes(i)))]);
        Assert.Single(await FeedAsync("ivo"), m => m.GetProperty("kind").GetString() == "hotHand");
        await Games.RecordAsync("ivo", [.. Enumerable.Range(0, 5).Select(i => Call(i + 11, late.AddMinutes(50 + i)))]);

        var morning = cluster.MoveClockTo(TestOrg.League, tuesday.AddDays(1), TimeSpan.FromMinutes(10));
        await Games.RecordAsync("ivo", [.. Enumerable.Range(0, 4).Select(i => Call(i + 16, morning.AddMinutes(-5 + i)))]);
        Assert.DoesNotContain(await FeedAsync("ivo"), m => m.GetProperty("kind").GetString() == "hotHand");
        await Games.RecordAsync("ivo", [Call(20, morning.AddMinutes(-1))]);
        Assert.Single(await FeedAsync("ivo"), m => m.GetProperty("kind").GetString() == "hotHand");
    }

    [Fact]
    public async Task The_feed_keeps_the_latest_leader_moments_and_every_award()
    {
        var now = cluster.StartFreshWeek(TestOrg.League, DayOfWeek.Wednesday, TimeSpan.FromHours(16));
        RecentActivity Calls(long seq, int quantity) => new(seq, now.AddMinutes(-60 + seq), "call", quantity);

        // Ugo and Vic take the lead from each other 30 times (one more point than the other each time).
        var points = new Dictionary<string, long> { ["ugo"] = 0, ["vic"] = 0 };
        var seqs = new Dictionary<string, long> { ["ugo"] = 0, ["vic"] = 0 };
        for (var i = 0; i < 30; i++)
        {
            var (taker, other) = i % 2 == 0 ? ("ugo", "vic") : ("vic", "ugo");
            var quantity = (int)(points[other] - points[taker] + 1);
            points[taker] += quantity;
            await Games.RecordAsync(taker, [Calls(++seqs[taker], quantity)]);
        }

        using var feed = JsonDocument.Parse(Abstractions.Json.ContractJson.Serialize(await Games.GetMomentsAsync()));
        var moments = feed.RootElement.GetProperty("moments").EnumerateArray().ToList();
        var leaders = moments.Where(m => m.GetProperty("kind").GetString() == "leader").ToList();
        Assert.Equal(GamificationGrain.KeptLeaderMoments, leaders.Count);
        Assert.Equal(points["vic"], leaders[^1].GetProperty("value").GetInt64()); // the last change is kept
        Assert.Equal("Vic Flip takes the lead", leaders[^1].GetProperty("text").GetString());

        // The goal moments (a day goal of 5) of both are still there, however many leader moments came after them.
        Assert.Single(moments, m => m.GetProperty("kind").GetString() == "goal" && m.GetProperty("repId").GetString() == "ugo");
        Assert.Single(moments, m => m.GetProperty("kind").GetString() == "goal" && m.GetProperty("repId").GetString() == "vic");
    }

    private async Task<List<JsonElement>> FeedAsync(string repId)
    {
        using var feed = JsonDocument.Parse(Abstractions.Json.ContractJson.Serialize(await Games.GetMomentsAsync()));
        return [.. feed.RootElement.GetProperty("moments").EnumerateArray().Where(m => m.GetProperty("repId").GetString() == repId).Select(m => m.Clone())];
    }

    private async Task MeetTheGoalAsync(string repId, DateOnly day)
    {
        var at = cluster.MoveClockTo(TestOrg.League, day, TimeSpan.FromHours(11));
        await cluster.IngestAsync([.. Enumerable.Range(0, 5).Select(i => Call(repId, at.AddMinutes(-10 + i)))]);
    }

    private async Task<int> StreakAsync(string repId) => (await BadgesAsync(repId)).GetProperty("streak").GetInt32();

    private Task WaitForStreakAsync(string repId, int streak) =>
        GrainCluster.WaitUntilAsync(async () => await StreakAsync(repId) == streak, $"{repId}'s streak is {streak}");

    private async Task<JsonElement> BadgesAsync(string repId)
    {
        using var document = JsonDocument.Parse(Abstractions.Json.ContractJson.Serialize(await Games.GetRepBadgesAsync(repId)));
        return document.RootElement.Clone();
    }

    private static List<JsonElement> Badges(JsonElement badges, string rule) =>
        [.. badges.GetProperty("badges").EnumerateArray().Where(b => b.GetProperty("badge").GetString() == rule)];
}
