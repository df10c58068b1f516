using System.Text;
using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Json;
using BoardSnapshot = SalesCoach.Live.Abstractions.Boards.BoardSnapshot;

namespace SalesCoach.Live.Grains.Tests.Json;

/// <summary>
/// The records serialised by <see cref="ContractJson"/> give byte for byte the JSON the hand-written writers gave
/// (BoardJson, CoachingJson, GamificationJson, CompetitionJson, now removed): representative boards and the edge cases
/// (nulls, no goal, other periods, names with quotes, markup and accents, midpoints, first-to and decided contests, rule
/// changes). The expected bytes are golden files those writers produced on the same inputs (<c>Expected/*.json</c>).
/// </summary>
public sealed class ContractJsonTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(1));

    public static TheoryData<string> Cases => [.. ContractJsonCases.All.Keys];

    [Fact]
    public void Every_golden_file_has_its_case()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Json", "Expected"), "*.json").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(ContractJsonCases.All.Keys.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_record_serialises_to_the_old_writers_bytes(string name)
    {
        var expected = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Json", "Expected", name + ".json"));
        var actual = ContractJsonCases.All[name]();
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_board_read_back_equals_the_record_written()
    {
        var board = ContractJsonCases.BuiltBoard();
        var snapshot = BoardSnapshot.From(board, 42);
        var read = ContractJson.Deserialize(ContractJson.Serialize(snapshot), ContractJson.Context.BoardSnapshot);
        Assert.Equal(snapshot.Reps, read.Reps);
        Assert.Equal(snapshot.Team, read.Team);
        Assert.Equal(snapshot.MetricDefs, read.MetricDefs);
        Assert.Equal(snapshot.AsOf, read.AsOf);
        Assert.Equal(snapshot.AsOf.Offset, read.AsOf.Offset);
    }

    [Fact]
    public void Rows_are_equal_by_value_and_differ_when_one_figure_does()
    {
        var board = ContractJsonCases.BuiltBoard();
        var a = RepRow.From(board.Reps[0]);
        var b = RepRow.From(board.Reps[0]);
        Assert.NotSame(a.Metrics, b.Metrics);
        Assert.Equal(a, b);
        var cell = a.Metrics[0];
        var moved = a with { Metrics = [cell with { Primary = cell.Primary with { Actual = cell.Primary.Actual + 1 } }, .. a.Metrics.Skip(1)] };
        Assert.NotEqual(a, moved);
        Assert.Equal(TeamRow.From(board.Team), TeamRow.From(board.Team));
    }

    [Fact]
    public void Instants_keep_their_own_offset()
    {
        Assert.Equal("2026-11-26T12:00:00+01:00", ContractJson.FormatInstant(Noon));
        Assert.Equal("2026-07-01T09:30:05+05:30", ContractJson.FormatInstant(new DateTimeOffset(2026, 7, 1, 9, 30, 5, TimeSpan.FromHours(5.5))));
        Assert.Equal(TimeZoneInfo.ConvertTime(Noon, Berlin).Offset, Noon.Offset);
    }
}
