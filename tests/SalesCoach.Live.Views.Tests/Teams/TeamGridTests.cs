using Bunit;
using SalesCoach.Live.Server.Views.Floor;
using DeltaOutcome = SalesCoach.Live.Abstractions.Boards.DeltaOutcome;
using SalesCoach.Live.Server.Views.Teams;
using SalesCoach.Live.Views.Tests.Infrastructure;
using static SalesCoach.Live.Views.Tests.Infrastructure.BoardJsonBuilder;

namespace SalesCoach.Live.Views.Tests.Teams;

/// <summary>The team grid: cells in their status colours, deltas applied in place, sorting, names escaped.</summary>
public sealed class TeamGridTests : ViewContext
{
    private static LiveBoard Board() => BoardJsonBuilder.Board(Snapshot(
        "emea", 100,
        Row("anna", "Anna Berg", 1, 30, Cell(30, 60, 20)),
        Row("ben", "Ben Okafor", 2, 10, Cell(10, 40, 13)),
        Row("chloe", "Chloé Martin", 3, 4, Cell(4, 60, 20)),
        Row("dario", "Dario Rossi", 4, 0, Cell(0, 60, 0))));

    public static TheoryData<string, string, string> Colours => new()
    {
        { "anna", "ahead", "Ahead" },
        { "ben", "behind", "Behind" },
        { "chloe", "atRisk", "At risk" },
        { "dario", "notStarted", "Not started" },
    };

    [Theory]
    [MemberData(nameof(Colours))]
    public void Each_cell_carries_its_status_colour_and_words(string repId, string status, string label)
    {
        var cut = Render<TeamGrid>(p => p.Add(x => x.Board, Board()));

        var cell = cut.Find($"tr[data-rep-id={repId}] td[data-metric=call]");
        Assert.Contains($"status-{status}", cell.ClassList);
        Assert.Equal(status, cell.GetAttribute("data-status"));
        Assert.Equal(label, cell.QuerySelector(".status-label")!.TextContent);
    }

    [Fact]
    public void Each_cell_shows_actual_expected_and_goal_and_explains_them_on_hover()
    {
        var cut = Render<TeamGrid>(p => p.Add(x => x.Board, Board()));

        var cell = cut.Find("tr[data-rep-id=ben] td[data-metric=call]");
        Assert.Equal(["10", "13", "40"], [cell.QuerySelector(".actual")!.TextContent, cell.QuerySelector(".expected")!.TextContent, cell.QuerySelector(".goal")!.TextContent]);
        var hint = cell.GetAttribute("title")!;
        Assert.Contains("Expected now: 13 = goal 40 × 32.5% of the day's working time gone.", hint, StringComparison.Ordinal);
        Assert.Contains("Pace: 77% of expected", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delta_changes_the_cell_in_place()
    {
        var board = Board();
        var cut = Render<TeamGrid>(p => p.Add(x => x.Board, board));

        Assert.Equal(DeltaOutcome.Applied, board.Apply(Delta("emea", 101, 100, Row("ben", "Ben Okafor", 2, 16, Cell(16, 40, 13)))));
        cut.Render(p => p.Add(x => x.Board, board));

        var cell = cut.Find("tr[data-rep-id=ben] td[data-metric=call]");
        Assert.Equal("16", cell.QuerySelector(".actual")!.TextContent);
        Assert.Equal("ahead", cell.GetAttribute("data-status"));
        Assert.Contains("changed", cut.Find("tr[data-rep-id=ben]").ClassList);
        Assert.DoesNotContain("changed", cut.Find("tr[data-rep-id=anna]").ClassList);
        Assert.Equal(4, cut.FindAll("tbody tr").Count);
        Assert.Equal("101", cut.Find("[data-testid=team-grid]").GetAttribute("data-version"));
    }

    [Fact]
    public void Clicking_a_metric_sorts_by_pace_and_clicking_again_reverses()
    {
        var cut = Render<TeamGrid>(p => p.Add(x => x.Board, Board()));

        cut.Find("button[data-sort=call]").Click();
        Assert.Equal(["anna", "ben", "chloe", "dario"], Order(cut));

        cut.Find("button[data-sort=call]").Click();
        Assert.Equal(["dario", "chloe", "ben", "anna"], Order(cut));

        cut.Find("button[data-sort=name]").Click();
        Assert.Equal(["anna", "ben", "chloe", "dario"], Order(cut));
        Assert.Contains("▲", cut.Find("button[data-sort=name]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_with_markup_and_quotes_are_shown_as_text()
    {
        var board = BoardJsonBuilder.Board(Snapshot("emea", 1, Row("kate", "<img src=x onerror=alert(1)> Kate \"K\" O'Brien", 1, 0, Cell(0, 60, 0))));

        var cut = Render<TeamGrid>(p => p.Add(x => x.Board, board));

        Assert.Equal("<img src=x onerror=alert(1)> Kate \"K\" O'Brien", cut.Find("a.rep-link").TextContent);
        Assert.Empty(cut.FindAll("img"));
    }

    private static string[] Order(IRenderedComponent<TeamGrid> cut) =>
        cut.FindAll("tbody tr").Select(r => r.GetAttribute("data-rep-id")!).ToArray();
}
