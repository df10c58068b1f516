using SalesCoach.Live.Server.Views.Floor;
using DeltaOutcome = SalesCoach.Live.Abstractions.Boards.DeltaOutcome;
using static SalesCoach.Live.Views.Tests.Infrastructure.BoardJsonBuilder;

namespace SalesCoach.Live.Views.Tests.Floor;

/// <summary>Deltas onto a snapshot by the hub's version rule: apply the next, ignore the old, resync on a gap.</summary>
public sealed class LiveBoardTests
{
    private static LiveBoard Board() => Infrastructure.BoardJsonBuilder.Board(Snapshot(
        "emea", 100,
        Row("anna", "Anna Berg", 1, 30, Cell(30, 60, 20)),
        Row("ben", "Ben Okafor", 2, 10, Cell(10, 40, 13))));

    public static TheoryData<string, long, long, DeltaOutcome, long, double> Deltas => new()
    {
        // team, version, fromVersion -> outcome, board version after, Ben's calls after
        { "emea", 101, 100, DeltaOutcome.Applied, 101, 11 },
        { "emea", 105, 100, DeltaOutcome.Applied, 105, 11 },
        { "emea", 100, 99, DeltaOutcome.Stale, 100, 10 },
        { "emea", 90, 89, DeltaOutcome.Stale, 100, 10 },
        { "emea", 103, 102, DeltaOutcome.Gap, 100, 10 },
        { "amer", 101, 100, DeltaOutcome.OtherTeam, 100, 10 },
    };

    [Theory]
    [MemberData(nameof(Deltas))]
    public void A_delta_is_applied_only_when_it_follows_the_board(string teamId, long version, long fromVersion, DeltaOutcome outcome, long versionAfter, double benAfter)
    {
        var board = Board();

        var result = board.Apply(Delta(teamId, version, fromVersion, Row("ben", "Ben Okafor", 2, 11, Cell(11, 40, 13))));

        Assert.Equal(outcome, result);
        Assert.Equal(versionAfter, board.Version);
        Assert.Equal(benAfter, board.Find("ben")!.Metrics["call"].Actual);
        Assert.Equal(30, board.Find("anna")!.Metrics["call"].Actual);
    }

    [Fact]
    public void A_delta_replaces_the_changed_rows_in_place_and_keeps_rank_order()
    {
        var board = Board();

        board.Apply(Delta("emea", 101, 100, Row("ben", "Ben Okafor", 1, 40, Cell(40, 40, 13)), Row("anna", "Anna Berg", 2, 30, Cell(30, 60, 20))));

        Assert.Equal(["ben", "anna"], board.Reps.Select(r => r.RepId));
        Assert.Equal("ahead", board.Find("ben")!.Metrics["call"].Status);
        Assert.Equal(new HashSet<string> { "ben", "anna" }, board.LastChanged);
        Assert.Equal(1, board.Team.Score);
    }

    [Fact]
    public void Reading_a_snapshot_keeps_names_metric_definitions_and_the_week_beside_the_day()
    {
        var board = Infrastructure.BoardJsonBuilder.Board(Snapshot("emea", 7, new
        {
            repId = "kate",
            name = "Kate O'Brien <b>",
            rank = 1,
            score = 3,
            metrics = new { call = new { period = "day", actual = 3, goal = 60, expected = 10, paceRatio = 0.3, projected = 18, neededPerHour = 8, status = "atRisk", periods = new { week = Cell(50, 300, 130, "week") } } },
        }));

        var kate = board.Find("kate")!;
        Assert.Equal("Kate O'Brien <b>", kate.Name);
        Assert.Equal(["day", "week"], kate.Metrics["call"].AllPeriods.Select(c => c.Period));
        Assert.Equal("Meetings booked", board.MetricName("meeting"));
        Assert.Equal(7, board.Version);
    }
}
