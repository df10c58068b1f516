using Bunit;
using SalesCoach.Live.Server.Views.MyPace;
using SalesCoach.Live.Views.Tests.Infrastructure;
using static SalesCoach.Live.Views.Tests.Infrastructure.BoardJsonBuilder;

namespace SalesCoach.Live.Views.Tests.MyPace;

/// <summary>"My pace" as Anna sees it on Thursday 26 November 2026 (EMEA: Berlin, 09:00–17:00, 60 calls a day).</summary>
public sealed class MyPacePageTests : ViewContext
{
    public static TheoryData<string, double, double, string> Moments => new()
    {
        // Berlin time, calls made, expected by then, the sentence.
        { "10:12", 5, 9, "Make 10 more calls by 11:00 to be back on pace." },
        { "10:00", 20, 7.5, "12 ahead of pace: 40 more calls by 17:00 reach the goal, about 5.7 an hour." },
        { "08:00", 0, 0, "Not started yet: from 09:00, 60 calls to make by 17:00, about 7.5 an hour." },
        { "18:00", 42, 60, "No working time left today: 42 of 60 calls, 18 short." },
    };

    [Theory]
    [MemberData(nameof(Moments))]
    public void Each_goal_shows_done_where_I_should_be_goal_and_the_sentence(string berlin, double actual, double expected, string sentence)
    {
        var at = Org.FindTeam("emea")!.Calendar.At(new DateOnly(2026, 11, 26), TimeSpan.Parse(berlin, System.Globalization.CultureInfo.InvariantCulture));
        Clock.SetUtcNow(at);
        Floor.Boards["emea"] = () => Board(Snapshot("emea", 5, Row("ben", "Ben Okafor", 1, 50, Cell(50, 40, 10)), Row("anna", "Anna Berg", 2, actual, Cell(actual, 60, expected))));

        var cut = Render<MyPacePage>(p => p.AddCascadingValue(SignedIn(People.Rep("anna", "emea"))));

        var card = cut.Find("[data-metric=call][data-period=day]");
        Assert.Equal(sentence, card.QuerySelector("[data-testid=sentence]")!.TextContent);
        Assert.Equal(
            [actual.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture), expected.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture), "60"],
            card.QuerySelectorAll(".goal-figures .n").Select(n => n.TextContent));
        Assert.Contains("Rank 2 of 2", cut.Find("[data-testid=my-rank]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_figures_follow_the_pushed_deltas()
    {
        Clock.SetUtcNow(Org.FindTeam("emea")!.Calendar.At(new DateOnly(2026, 11, 26), TimeSpan.FromHours(10)));
        Floor.Boards["emea"] = () => Board(Snapshot("emea", 5, Row("anna", "Anna Berg", 1, 5, Cell(5, 60, 7.5))));
        var cut = Render<MyPacePage>(p => p.AddCascadingValue(SignedIn(People.Rep("anna", "emea"))));

        Floor.Push("emea", "delta", Delta("emea", 6, 5, Row("anna", "Anna Berg", 1, 8, Cell(8, 60, 7.5))));

        cut.WaitForAssertion(() => Assert.Equal("onPace", cut.Find("[data-metric=call][data-period=day]").GetAttribute("data-status")));
        Assert.StartsWith("On pace: 52 more calls by 17:00", cut.Find("[data-testid=sentence]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_week_goal_card_spreads_what_is_left_over_the_working_days_left()
    {
        // Thursday 12:00: 27 of the week's 40 working hours gone (202.5 due); Thursday and Friday left.
        Clock.SetUtcNow(Org.FindTeam("emea")!.Calendar.At(new DateOnly(2026, 11, 26), TimeSpan.FromHours(12)));
        Floor.Boards["emea"] = () => Board(Snapshot("emea", 5, Row("anna", "Anna Berg", 1, 110, Cell(110, 300, 202.5, "week"))));

        var cut = Render<MyPacePage>(p => p.AddCascadingValue(SignedIn(People.Rep("anna", "emea"))));

        Assert.Equal(
            "Behind pace: 190 more calls this week, about 95 a working day over the 2 working days left (including today).",
            cut.Find("[data-metric=call][data-period=week] [data-testid=sentence]").TextContent);
    }

    [Fact]
    public void A_rep_account_without_a_rep_is_told_so()
    {
        var cut = Render<MyPacePage>(p => p.AddCascadingValue(SignedIn(People.Rep("nobody", "emea"))));

        Assert.Contains("not linked to a rep", cut.Find("[data-testid=forbidden]").TextContent, StringComparison.Ordinal);
    }
}
