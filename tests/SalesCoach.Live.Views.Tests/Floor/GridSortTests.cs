using SalesCoach.Live.Server.Views.Floor;
using static SalesCoach.Live.Views.Tests.Infrastructure.BoardJsonBuilder;

namespace SalesCoach.Live.Views.Tests.Floor;

/// <summary>The team grid's order: rank, name, score, or a metric's pace (not started and no goal last).</summary>
public sealed class GridSortTests
{
    private static readonly LiveBoard Board = Infrastructure.BoardJsonBuilder.Board(Snapshot(
        "emea", 1,
        Row("anna", "Anna Berg", 1, 50, Cell(30, 60, 20)),      // 150%
        Row("ben", "Ben Okafor", 2, 40, Cell(10, 40, 13)),      // 77%
        Row("chloe", "Chloé Martin", 3, 20, Cell(0, null, null)), // no goal
        Row("dario", "Dario Rossi", 4, 5, Cell(18, 60, 20))));   // 90%

    public static TheoryData<string[], string[]> Clicks => new()
    {
        { [], ["anna", "ben", "chloe", "dario"] },
        { ["rank"], ["dario", "chloe", "ben", "anna"] },
        { ["name"], ["anna", "ben", "chloe", "dario"] },
        { ["name", "name"], ["dario", "chloe", "ben", "anna"] },
        { ["score"], ["anna", "ben", "chloe", "dario"] },
        { ["score", "score"], ["dario", "chloe", "ben", "anna"] },
        { ["call"], ["anna", "dario", "ben", "chloe"] },
        { ["call", "call"], ["chloe", "ben", "dario", "anna"] },
    };

    [Theory]
    [MemberData(nameof(Clicks))]
    public void Clicking_columns_orders_the_rows(string[] clicks, string[] expected)
    {
        var sort = clicks.Aggregate(GridSort.Default, (s, column) => s.Toggle(column));

        Assert.Equal(expected, sort.Order(Board.Reps).Select(r => r.RepId));
    }
}
