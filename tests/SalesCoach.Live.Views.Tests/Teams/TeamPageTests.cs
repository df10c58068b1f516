using Bunit;
using SalesCoach.Live.Server.Views.Teams;
using SalesCoach.Live.Views.Tests.Infrastructure;
using static SalesCoach.Live.Views.Tests.Infrastructure.BoardJsonBuilder;

namespace SalesCoach.Live.Views.Tests.Teams;

/// <summary>The manager view: its team only, live from the relay's pushes, resynced on a gap, unsubscribed when closed.</summary>
public sealed class TeamPageTests : ViewContext
{
    public TeamPageTests()
    {
        Floor.Boards["emea"] = () => Board(Snapshot(
            "emea", 100,
            Row("anna", "Anna Berg", 1, 30, Cell(30, 60, 20)),
            Row("ben", "Ben Okafor", 2, 10, Cell(10, 40, 10))));
    }

    private IRenderedComponent<TeamPage> RenderPage(System.Security.Claims.ClaimsPrincipal user, string? teamId = null) =>
        Render<TeamPage>(p => p.Add(x => x.TeamId, teamId).AddCascadingValue(SignedIn(user)));

    [Fact]
    public void A_pushed_delta_updates_the_grid_and_a_pushed_queue_replaces_the_queue()
    {
        var cut = RenderPage(People.Manager("emea"));
        cut.WaitForElement("[data-testid=team-grid]");
        Assert.Equal("onPace", cut.Find("tr[data-rep-id=ben] td[data-metric=call]").GetAttribute("data-status"));

        Floor.Push("emea", "delta", Delta("emea", 101, 100, Row("ben", "Ben Okafor", 2, 10, Cell(10, 40, 13))));
        cut.WaitForAssertion(() => Assert.Equal("behind", cut.Find("tr[data-rep-id=ben] td[data-metric=call]").GetAttribute("data-status")));

        Floor.Push("emea", "coaching", Parse(new[] { new { repId = "ben", name = "Ben Okafor", priority = 70, focusMetric = "call", reasons = new[] { new { code = "behindPace", text = "Calls 10 of 13 expected" } } } }));
        cut.WaitForAssertion(() => Assert.Equal("Calls 10 of 13 expected", cut.Find(".queue-item[data-rep-id=ben] .queue-reasons li").TextContent));
        Assert.Equal(1, Floor.BoardReads);
    }

    [Fact]
    public void Pushes_of_other_teams_are_ignored_and_a_version_gap_reads_the_board_again()
    {
        var cut = RenderPage(People.Manager("emea"));
        cut.WaitForElement("[data-testid=team-grid]");

        Floor.Push("amer", "delta", Delta("amer", 101, 100, Row("ben", "Ben Okafor", 2, 99, Cell(99, 40, 13))));
        Floor.Push("emea", "delta", Delta("emea", 109, 108, Row("ben", "Ben Okafor", 2, 99, Cell(99, 40, 13))));

        cut.WaitForAssertion(() => Assert.Equal(2, Floor.BoardReads));
        Assert.Equal("10", cut.Find("tr[data-rep-id=ben] td[data-metric=call] .actual").TextContent);
    }

    [Fact]
    public void A_manager_is_refused_a_team_they_do_not_manage()
    {
        var cut = RenderPage(People.Manager("emea"), "amer");

        Assert.Contains("do not manage", cut.Find("[data-testid=forbidden]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=team-grid]"));
        Assert.Equal(0, Floor.BoardReads);
        Assert.False(Floor.HasListeners);
    }

    [Fact]
    public void Closing_the_page_unsubscribes_from_the_relay()
    {
        var cut = RenderPage(People.Admin(), "emea");
        cut.WaitForElement("[data-testid=team-grid]");
        Assert.True(Floor.HasListeners);

        cut.Instance.Dispose();

        Assert.False(Floor.HasListeners);
    }
}
