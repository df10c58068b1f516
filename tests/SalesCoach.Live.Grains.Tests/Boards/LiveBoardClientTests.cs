using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;

namespace SalesCoach.Live.Grains.Tests.Boards;

/// <summary>The contract's version rule, as <see cref="LiveBoardClient"/> holds it for the views and the load generator.</summary>
public sealed class LiveBoardClientTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(1));

    public static TheoryData<long?, long, long, DeltaOutcome> Rule => new()
    {
        // current (null: no snapshot), delta version, delta fromVersion, outcome
        { null, 101, 100, DeltaOutcome.NoSnapshot },
        { null, 1, 0, DeltaOutcome.NoSnapshot },
        { 100, 101, 100, DeltaOutcome.Applied },
        { 100, 105, 100, DeltaOutcome.Applied },
        { 100, 100, 99, DeltaOutcome.Stale },
        { 100, 100, 100, DeltaOutcome.Stale },
        { 100, 90, 89, DeltaOutcome.Stale },
        { 100, 103, 102, DeltaOutcome.Gap },
        { 100, 101, 99, DeltaOutcome.Gap },
        { 100, 102, 101, DeltaOutcome.Gap },
    };

    [Theory]
    [MemberData(nameof(Rule))]
    public void The_rule(long? current, long version, long fromVersion, DeltaOutcome expected) =>
        Assert.Equal(expected, LiveBoardClient.Decide(current, version, fromVersion));

    public static TheoryData<string, long, long, DeltaOutcome, long, double> Deltas => new()
    {
        // team, version, fromVersion, outcome, board version after, ben's calls after
        { "emea", 101, 100, DeltaOutcome.Applied, 101, 11 },
        { "emea", 105, 100, DeltaOutcome.Applied, 105, 11 },
        { "emea", 100, 99, DeltaOutcome.Stale, 100, 10 },
        { "emea", 90, 89, DeltaOutcome.Stale, 100, 10 },
        { "emea", 103, 102, DeltaOutcome.Gap, 100, 10 },
        { "amer", 101, 100, DeltaOutcome.OtherTeam, 100, 10 },
    };

    [Theory]
    [MemberData(nameof(Deltas))]
    public void A_delta_is_applied_only_when_it_follows_the_board(string teamId, long version, long fromVersion, DeltaOutcome expected, long versionAfter, double callsAfter)
    {
        var client = new LiveBoardClient();
        client.ApplySnapshot(Snapshot(100, Row("anna", 1, 20), Row("ben", 2, 10)));

        var outcome = client.Apply(Delta(teamId, version, fromVersion, Row("ben", 2, 11)));

        Assert.Equal(expected, outcome);
        Assert.Equal(versionAfter, client.Board!.Version);
        Assert.Equal(callsAfter, client.Board.Row("ben")!.Cell("call")!.Primary.Actual);
    }

    [Fact]
    public void Deltas_before_the_first_snapshot_are_ignored()
    {
        var client = new LiveBoardClient();
        Assert.Equal(DeltaOutcome.NoSnapshot, client.Apply(Delta("emea", 101, 100, Row("ben", 1, 11))));
        Assert.Null(client.Board);
        Assert.Null(client.Version);
    }

    [Fact]
    public void After_a_gap_deltas_wait_for_the_next_snapshot()
    {
        var client = new LiveBoardClient();
        client.ApplySnapshot(Snapshot(100, Row("ben", 1, 10)));

        Assert.Equal(DeltaOutcome.Gap, client.Apply(Delta("emea", 103, 102, Row("ben", 1, 13))));
        Assert.Null(client.Version);
        // Even one that would have followed the old version: the board is known to be behind.
        Assert.Equal(DeltaOutcome.NoSnapshot, client.Apply(Delta("emea", 101, 100, Row("ben", 1, 11))));

        client.ApplySnapshot(Snapshot(103, Row("ben", 1, 13)));
        Assert.Equal(DeltaOutcome.Applied, client.Apply(Delta("emea", 104, 103, Row("ben", 1, 14))));
        Assert.Equal(104, client.Version);
        Assert.Equal(14, client.Board!.Row("ben")!.Cell("call")!.Primary.Actual);
    }

    [Fact]
    public void Changed_rows_are_replaced_in_rank_order_new_ones_added_and_team_and_time_replaced()
    {
        var client = new LiveBoardClient();
        client.ApplySnapshot(Snapshot(7, Row("anna", 1, 20), Row("ben", 2, 10)));

        var team = new TeamRow(99, []);
        var later = At.AddSeconds(30);
        client.Apply(new BoardDelta("emea", 8, 7, later, [Row("ben", 1, 30), Row("anna", 2, 20), Row("cleo", 3, 1)], team));

        Assert.Equal(["ben", "anna", "cleo"], client.Board!.Reps.Select(r => r.RepId));
        Assert.Equal(team, client.Board.Team);
        Assert.Equal(later, client.Board.AsOf);
        Assert.Equal(new HashSet<string> { "ben", "anna", "cleo" }, client.LastChanged);
    }

    [Fact]
    public void A_snapshot_replaces_everything_whatever_its_version()
    {
        var client = new LiveBoardClient();
        client.ApplySnapshot(Snapshot(100, Row("anna", 1, 20), Row("ben", 2, 10)));
        client.ApplySnapshot(Snapshot(5, Row("ben", 1, 3)));
        Assert.Equal(5, client.Version);
        Assert.Equal(["ben"], client.Board!.Reps.Select(r => r.RepId));
        Assert.Empty(client.LastChanged);
    }

    private static RepRow Row(string repId, int rank, double calls) =>
        new(repId, repId.ToUpperInvariant(), rank, (long)calls, [Cell(calls)]);

    private static MetricCell Cell(double calls) =>
        new("call", new PeriodFigures(GoalPeriod.Day, calls, 60, 30, Math.Round(calls / 30, 2), calls * 2, 3, PaceStatus.Behind), []);

    private static BoardSnapshot Snapshot(long version, params RepRow[] reps) =>
        new("emea", "EMEA", version, At, [new MetricDef("call", "Calls", 1, null, false, false)], reps, new TeamRow(reps.Sum(r => r.Score), []));

    private static BoardDelta Delta(string teamId, long version, long fromVersion, params RepRow[] reps) =>
        new(teamId, version, fromVersion, At.AddSeconds(version), reps, new TeamRow(reps.Sum(r => r.Score), []));
}
