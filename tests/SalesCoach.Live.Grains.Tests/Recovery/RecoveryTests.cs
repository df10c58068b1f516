using SalesCoach.Live.Grains.Reps;
using SalesCoach.Live.Grains.Teams;
using SalesCoach.Live.Grains.Tests.Infrastructure;
using static SalesCoach.Live.Grains.Tests.Infrastructure.TestActivity;

namespace SalesCoach.Live.Grains.Tests.Recovery;

/// <summary>
/// The log is the source of truth: grains that lose their memory rebuild the same board from it, and an activity the
/// log acknowledged but no grain heard of (a crash between the two steps) still ends up on the board.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RecoveryTests(GrainCluster cluster)
{
    [Fact]
    public async Task Rep_and_team_grains_rebuild_the_same_board_from_the_log_after_deactivation()
    {
        var now = cluster.StartFreshWeek(TestOrg.Floor, DayOfWeek.Tuesday, TimeSpan.FromHours(12));
        await cluster.IngestAsync(
            Call("rita", now.AddMinutes(-40), 9), Meeting("rita", now.AddMinutes(-30), 2), Deal("rita", now.AddMinutes(-20), 300m));
        var before = await cluster.BoardAsync(TestOrg.Floor);
        Assert.Equal(9 + 20 + 50, before.Score("rita"));
        var applied = await cluster.Rep("rita").GetAppliedRepSeqAsync();

        await cluster.DeactivateAsync(cluster.Rep("rita"));
        await cluster.DeactivateAsync(cluster.Team(TestOrg.Floor));

        var after = await cluster.BoardAsync(TestOrg.Floor);
        Assert.Equal(before.Row("rita").GetRawText(), after.Row("rita").GetRawText());
        Assert.Equal(applied, await cluster.Rep("rita").GetAppliedRepSeqAsync());

        // The rebuilt grains go on counting from there, each activity once.
        await cluster.IngestAsync(Call("rita", now.AddMinutes(-10)));
        Assert.Equal(10, (await cluster.BoardAsync(TestOrg.Floor)).Actual("rita", "call"));
    }

    [Fact]
    public async Task An_activity_the_log_has_but_the_rep_grain_was_never_told_is_counted_on_the_grains_next_tick()
    {
        var now = cluster.StartFreshWeek(TestOrg.Floor, DayOfWeek.Tuesday, TimeSpan.FromHours(12));
        await cluster.IngestAsync(Call("cody", now.AddMinutes(-20), 3));

        var lost = await cluster.AppendAsync(Call("cody", now.AddMinutes(-10), 4));
        Assert.Equal(3, (await cluster.BoardAsync(TestOrg.Floor)).Actual("cody", "call"));

        await cluster.StepClockUntilAsync(
            RepGrain.Tick, async () => (await cluster.BoardAsync(TestOrg.Floor)).Actual("cody", "call") == 7, maxSteps: 3);
        Assert.Equal(lost[0].RepSeq, await cluster.Rep("cody").GetAppliedRepSeqAsync());
    }

    [Fact]
    public async Task An_activity_the_log_has_but_no_grain_was_told_is_counted_once_the_grains_restart()
    {
        var now = cluster.StartFreshWeek(TestOrg.Floor, DayOfWeek.Tuesday, TimeSpan.FromHours(12));
        await cluster.IngestAsync(Call("kris", now.AddMinutes(-20), 3));

        // The node dies right after the append: its grains are gone with it, and no grain was told.
        await cluster.AppendAsync(Call("kris", now.AddMinutes(-10), 4));
        await cluster.DeactivateAsync(cluster.Rep("kris"));
        await cluster.DeactivateAsync(cluster.Team(TestOrg.Floor));

        Assert.Equal(7, (await cluster.BoardAsync(TestOrg.Floor)).Actual("kris", "call"));

        // The next activity is counted on top, not the recovered one again.
        await cluster.IngestAsync(Call("kris", now.AddMinutes(-5), 8));
        Assert.Equal(15, (await cluster.BoardAsync(TestOrg.Floor)).Actual("kris", "call"));
    }

    [Fact]
    public async Task An_activity_the_log_has_while_the_rep_grain_sleeps_is_found_by_the_team_check()
    {
        var now = cluster.StartFreshWeek(TestOrg.Floor, DayOfWeek.Tuesday, TimeSpan.FromHours(12));
        await cluster.IngestAsync(Call("wanda", now.AddMinutes(-20), 3));

        // The rep grain is gone (its node died after the append), the team grain lives on elsewhere.
        await cluster.DeactivateAsync(cluster.Rep("wanda"));
        await cluster.AppendAsync(Call("wanda", now.AddMinutes(-10), 4));
        Assert.Equal(3, (await cluster.BoardAsync(TestOrg.Floor)).Actual("wanda", "call"));

        await cluster.StepClockUntilAsync(
            TeamGrain.ClockTick, async () => (await cluster.BoardAsync(TestOrg.Floor)).Actual("wanda", "call") == 7, maxSteps: 6);
        Assert.Equal(7, (await cluster.BoardAsync(TestOrg.Floor)).Actual("wanda", "call"));
    }
}
