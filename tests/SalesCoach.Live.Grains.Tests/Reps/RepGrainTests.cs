using System.Text.Json;
using SalesCoach.Live.Grains.Reps;
using SalesCoach.Live.Grains.Tests.Infrastructure;
using static SalesCoach.Live.Grains.Tests.Infrastructure.TestActivity;

namespace SalesCoach.Live.Grains.Tests.Reps;

/// <summary>
/// The rep grain counts every logged activity exactly once, whatever order or gaps its batches arrive with, and
/// counts a future-dated activity only once its time has come. Quantities are powers of two, so any activity counted
/// twice or not at all shows in the sum.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RepGrainTests(GrainCluster cluster)
{
    [Fact]
    public async Task Activities_applied_out_of_order_are_each_counted_once()
    {
        var now = cluster.StartFreshWeek(TestOrg.Floor, DayOfWeek.Wednesday, TimeSpan.FromHours(12));
        var rep = cluster.Rep("olga");
        var start = await rep.GetAppliedRepSeqAsync();
        var logged = await cluster.AppendAsync(
            Call("olga", now.AddMinutes(-30), 1), Call("olga", now.AddMinutes(-20), 2), Call("olga", now.AddMinutes(-10), 4));
        Assert.Equal([start + 1, start + 2, start + 3], logged.Select(a => a.RepSeq));

        await rep.ApplyAsync([logged[0]]);
        await rep.ApplyAsync([logged[2]]);
        await rep.ApplyAsync([logged[1]]);

        Assert.Equal(7, (await cluster.BoardAsync(TestOrg.Floor)).Actual("olga", "call"));
        Assert.Equal(start + 3, await rep.GetAppliedRepSeqAsync());
    }

    [Fact]
    public async Task A_gap_in_sequence_numbers_makes_the_grain_catch_up_from_the_log_and_counts_each_activity_once()
    {
        var now = cluster.StartFreshWeek(TestOrg.Floor, DayOfWeek.Wednesday, TimeSpan.FromHours(12));
        var rep = cluster.Rep("gabe");
        await rep.GetAppliedRepSeqAsync();
        await cluster.IngestAsync(
            Call("gabe", now.AddMinutes(-50), 1), Call("gabe", now.AddMinutes(-40), 2), Call("gabe", now.AddMinutes(-30), 4));

        // Both reach the log; only the second reaches the grain (the first one's call is late, or was lost).
        var late = await cluster.AppendAsync(Call("gabe", now.AddMinutes(-20), 8));
        var told = await cluster.AppendAsync(Call("gabe", now.AddMinutes(-10), 16));
        await rep.ApplyAsync(told);

        Assert.Equal(31, (await cluster.BoardAsync(TestOrg.Floor)).Actual("gabe", "call"));
        Assert.Equal(told[0].RepSeq, await rep.GetAppliedRepSeqAsync());

        // The late call finally arrives: already counted.
        await rep.ApplyAsync(late);
        Assert.Equal(31, (await cluster.BoardAsync(TestOrg.Floor)).Actual("gabe", "call"));
    }

    [Fact]
    public async Task Applying_the_same_batch_twice_counts_and_celebrates_it_once()
    {
        var now = cluster.StartFreshWeek(TestOrg.Floor, DayOfWeek.Wednesday, TimeSpan.FromHours(12));
        var rep = cluster.Rep("dora");
        await rep.GetAppliedRepSeqAsync();
        var batch = new[] { Call("dora", now.AddMinutes(-3), 3), Meeting("dora", now.AddMinutes(-2)), Deal("dora", now.AddMinutes(-1), 900m) };

        var logged = await cluster.IngestAsync(batch);
        await rep.ApplyAsync(logged);

        // The log, too, takes each id once: a batch sent again is all duplicates, and there is nothing to hand on.
        var again = await cluster.Log.AppendAsync(batch);
        Assert.Empty(again.Accepted);
        Assert.Equal(3, again.Duplicates);

        var board = await cluster.BoardAsync(TestOrg.Floor);
        Assert.Equal(3, board.Actual("dora", "call"));
        Assert.Equal(1, board.Actual("dora", "meeting"));
        Assert.Equal(3 + 10 + 50, board.Score("dora"));
        await cluster.Relay.WaitForAsync(TestOrg.Floor, RelayPush.Celebration, c => RepOf(c) == "dora");
        await Task.Delay(200);
        Assert.Single(cluster.Relay.Of(TestOrg.Floor, RelayPush.Celebration), c => RepOf(c) == "dora");
    }

    [Fact]
    public async Task A_future_dated_activity_is_not_counted_until_the_clock_passes_it()
    {
        var now = cluster.StartFreshWeek(TestOrg.Floor, DayOfWeek.Wednesday, TimeSpan.FromHours(12));
        var dueAt = now.AddMinutes(3);
        var logged = await cluster.IngestAsync(Call("fred", now.AddMinutes(-1), 2), Call("fred", dueAt, 5));

        // Taken (the grain will not ask the log for it again) but parked.
        Assert.Equal(logged[^1].RepSeq, await cluster.Rep("fred").GetAppliedRepSeqAsync());
        Assert.Equal(2, (await cluster.BoardAsync(TestOrg.Floor)).Actual("fred", "call"));

        // The rep grain's tick runs as the clock moves; until the activity's time it stays out of the day's total.
        while (cluster.Clock.GetUtcNow() + RepGrain.Tick < dueAt)
        {
            cluster.Clock.Advance(RepGrain.Tick);
            await Task.Delay(50);
            Assert.Equal(2, (await cluster.BoardAsync(TestOrg.Floor)).Actual("fred", "call"));
        }

        var countedAt = await cluster.StepClockUntilAsync(
            RepGrain.Tick, async () => (await cluster.BoardAsync(TestOrg.Floor)).Actual("fred", "call") == 7, maxSteps: 6);
        Assert.True(countedAt >= dueAt, $"Counted at {countedAt:O}, before it occurred at {dueAt:O}.");
    }

    private static string? RepOf(JsonElement celebration) => celebration.GetProperty("repId").GetString();
}
