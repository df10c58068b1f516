using System.Text.Json;
using SalesCoach.Live.Grains.Tests.Infrastructure;
using static SalesCoach.Live.Grains.Tests.Infrastructure.TestActivity;

namespace SalesCoach.Live.Grains.Tests.Teams;

/// <summary>The team board: rows, ranks and totals after a batch, the deltas pushed for it, and pace moving with the clock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TeamBoardTests(GrainCluster cluster)
{
    [Fact]
    public async Task Applying_a_batch_updates_the_reps_rows_and_pushes_deltas_that_chain_from_the_previous_version()
    {
        // Wednesday 11:00 in Berlin: a quarter of the 09:00-17:00 day has gone, so 15 of the 60 calls are expected.
        var now = cluster.StartFreshWeek(TestOrg.Emea, DayOfWeek.Wednesday, TimeSpan.FromHours(11));
        var before = await cluster.BoardAsync(TestOrg.Emea);
        Assert.Equal(0, before.Actual("anna", "call"));

        // A quiet spell since the last flush: the first change goes out at once, without anyone asking for the board.
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        await cluster.IngestAsync(
            Call("anna", now.AddMinutes(-50), 10),
            Call("anna", now.AddMinutes(-20), 2),
            Meeting("anna", now.AddMinutes(-10)),
            Call("ben", now.AddMinutes(-30), 5));
        await cluster.Relay.WaitForAsync(TestOrg.Emea, RelayPush.Delta, d => FromVersion(d) == before.Version);

        var after = await cluster.BoardAsync(TestOrg.Emea);
        var anna = after.Row("anna");
        Assert.Equal(1, after.Rank("anna"));
        Assert.Equal(12 + 10, after.Score("anna"));
        var calls = BoardView.Figures(anna, "call");
        Assert.Equal("day", calls.GetProperty("period").GetString());
        Assert.Equal(12, calls.GetProperty("actual").GetDouble());
        Assert.Equal(60, calls.GetProperty("goal").GetDouble());
        Assert.Equal(15, calls.GetProperty("expected").GetDouble());
        Assert.Equal(0.8, calls.GetProperty("paceRatio").GetDouble());
        Assert.Equal("behind", calls.GetProperty("status").GetString());
        var meetings = BoardView.Figures(anna, "meeting");
        Assert.Equal("week", meetings.GetProperty("period").GetString());
        Assert.Equal(1, meetings.GetProperty("actual").GetDouble());
        Assert.Equal(8, meetings.GetProperty("goal").GetDouble());

        Assert.Equal(2, after.Rank("ben"));
        Assert.Equal(5, after.Score("ben"));
        Assert.Equal(5, after.Actual("ben", "call"));
        Assert.Equal(17, BoardView.Figures(after.Team, "call").GetProperty("actual").GetDouble());
        Assert.Equal(60 * cluster.TeamOf(TestOrg.Emea).Reps.Count, BoardView.Figures(after.Team, "call").GetProperty("goal").GetDouble());
        Assert.Equal(27, after.Team.GetProperty("score").GetInt64());

        // Every delta since the board we started from names the version before it, up to the board's version now;
        // the newest row pushed for each rep is the row on the board.
        await cluster.Relay.WaitForAsync(TestOrg.Emea, RelayPush.Delta, d => Version(d) == after.Version);
        var chain = cluster.Relay.Of(TestOrg.Emea, RelayPush.Delta)
            .Where(d => Version(d) > before.Version)
            .OrderBy(Version)
            .ToList();
        Assert.Equal(before.Version, FromVersion(chain[0]));
        for (var i = 1; i < chain.Count; i++)
        {
            Assert.Equal(Version(chain[i - 1]), FromVersion(chain[i]));
        }

        Assert.Equal(after.Version, Version(chain[^1]));
        foreach (var repId in new[] { "anna", "ben" })
        {
            var pushed = chain.SelectMany(d => d.GetProperty("reps").EnumerateArray()).Last(r => r.GetProperty("repId").GetString() == repId);
            Assert.Equal(after.Row(repId).GetRawText(), pushed.GetRawText());
        }
    }

    [Fact]
    public async Task Pace_is_not_started_before_the_first_working_minute_and_expected_grows_through_the_day()
    {
        var early = cluster.StartFreshWeek(TestOrg.Emea, DayOfWeek.Monday, TimeSpan.FromHours(8));
        var day = cluster.TeamOf(TestOrg.Emea).Calendar.LocalDate(early);
        await cluster.IngestAsync(Call("carla", early.AddMinutes(-30), 5));

        var board = await cluster.BoardAsync(TestOrg.Emea);
        var calls = BoardView.Figures(board.Row("carla"), "call");
        Assert.Equal(5, calls.GetProperty("actual").GetDouble());
        Assert.Equal(0, calls.GetProperty("expected").GetDouble());
        Assert.Equal(JsonValueKind.Null, calls.GetProperty("paceRatio").ValueKind);
        Assert.Equal("notStarted", calls.GetProperty("status").GetString());

        var expected = new List<double>();
        foreach (var hour in new[] { 10, 13, 16 })
        {
            cluster.MoveClockTo(TestOrg.Emea, day, TimeSpan.FromHours(hour));
            board = await cluster.BoardAsync(TestOrg.Emea);
            calls = BoardView.Figures(board.Row("carla"), "call");
            expected.Add(calls.GetProperty("expected").GetDouble());
            Assert.Equal(5, calls.GetProperty("actual").GetDouble());
            Assert.Equal("atRisk", calls.GetProperty("status").GetString());
        }

        // 60 calls over 8 working hours: 7.5 an hour.
        Assert.Equal([7.5, 30, 52.5], expected);

        cluster.MoveClockTo(TestOrg.Emea, day, TimeSpan.FromHours(17.5));
        board = await cluster.BoardAsync(TestOrg.Emea);
        calls = BoardView.Figures(board.Row("carla"), "call");
        Assert.Equal(60, calls.GetProperty("expected").GetDouble());
        Assert.Equal(JsonValueKind.Null, calls.GetProperty("neededPerHour").ValueKind);
    }

    [Fact]
    public async Task The_day_rolls_over_at_local_midnight_and_the_week_on_Monday()
    {
        var monday = cluster.StartFreshWeek(TestOrg.Emea, DayOfWeek.Monday, TimeSpan.FromHours(10));
        var calendar = cluster.TeamOf(TestOrg.Emea).Calendar;
        var day = calendar.LocalDate(monday);

        // 00:30 in Berlin is still Sunday in UTC: it counts on the team's Monday.
        await cluster.IngestAsync(
            Call("dirk", calendar.At(day, TimeSpan.FromMinutes(30)), 4),
            Call("dirk", calendar.At(day, TimeSpan.FromHours(9.5)), 16),
            Meeting("dirk", calendar.At(day, TimeSpan.FromHours(9.75)), 3));

        var board = await cluster.BoardAsync(TestOrg.Emea);
        Assert.Equal(20, board.Actual("dirk", "call"));
        Assert.Equal(3, board.Actual("dirk", "meeting", "week"));
        Assert.Equal(20 + 30, board.Score("dirk"));

        cluster.MoveClockTo(TestOrg.Emea, day.AddDays(1), TimeSpan.FromHours(10));
        board = await cluster.BoardAsync(TestOrg.Emea);
        Assert.Equal(0, board.Actual("dirk", "call"));
        Assert.Equal(3, board.Actual("dirk", "meeting", "week"));
        Assert.Equal(0, board.Score("dirk"));

        cluster.MoveClockTo(TestOrg.Emea, day.AddDays(7), TimeSpan.FromHours(10));
        board = await cluster.BoardAsync(TestOrg.Emea);
        Assert.Equal(0, board.Actual("dirk", "call"));
        Assert.Equal(0, board.Actual("dirk", "meeting", "week"));
    }

    private static long Version(JsonElement delta) => delta.GetProperty("version").GetInt64();

    private static long FromVersion(JsonElement delta) => delta.GetProperty("fromVersion").GetInt64();
}
