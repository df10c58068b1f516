using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Gamification;
using SalesCoach.Live.Domain.Org;
using static SalesCoach.Live.Domain.Tests.Moments;

namespace SalesCoach.Live.Domain.Tests.Gamification;

/// <summary><see cref="CompetitionJudge"/>: standings, handicaps, first-to and team-vs-team per rep.</summary>
public sealed class CompetitionJudgeTests
{
    private const string Start = "2026-11-26T09:00:00+01:00";
    private const string End = "2026-11-26T17:00:00+01:00";

    private static readonly Organization Org = MakeOrg();

    [Theory]
    // finish, basis, metric, target, judged at, winner (or "-" for none yet / none), order
    [InlineData(CompetitionFinish.MostByEnd, ScoreBasis.Points, null, 0, "2026-11-26T16:00:00+01:00", "-", "anna,ben,cleo")]
    [InlineData(CompetitionFinish.MostByEnd, ScoreBasis.Points, null, 0, End, "anna", "anna,ben,cleo")]
    [InlineData(CompetitionFinish.MostByEnd, ScoreBasis.Metric, "call", 0, End, "ben", "ben,anna,cleo")]
    [InlineData(CompetitionFinish.FirstTo, ScoreBasis.Metric, "call", 4, "2026-11-26T12:00:00+01:00", "ben", "ben,anna,cleo")]
    [InlineData(CompetitionFinish.FirstTo, ScoreBasis.Metric, "call", 50, End, "-", "ben,anna,cleo")] // nobody got there
    [InlineData(CompetitionFinish.FirstTo, ScoreBasis.Points, null, 20, End, "anna", "anna,ben,cleo")]
    public void Individual_contests(CompetitionFinish finish, ScoreBasis basis, string? metric, double target, string at, string winner, string order)
    {
        var contest = Contest(CompetitionScope.Reps, ["anna", "ben", "cleo"], basis, metric, finish, target);

        var result = CompetitionJudge.Judge(contest, Org, Activities, Instant(at));

        Assert.Equal(order.Split(','), result.Standings.Select(s => s.Id));
        Assert.Equal(winner == "-" ? null : winner, result.WinnerId);
        Assert.Equal(Instant(at) >= Instant(End) || winner != "-", result.Decided);
    }

    [Fact]
    public void A_handicap_multiplies_the_rep_score()
    {
        // Calls: anna 3, ben 5; cleo (in ramp) 2 x 3 = 6 beats both.
        var contest = Contest(CompetitionScope.Reps, ["anna", "ben", "cleo"], ScoreBasis.Metric, "call", CompetitionFinish.MostByEnd, 0, new() { ["cleo"] = 3 });

        var result = CompetitionJudge.Judge(contest, Org, Activities, Instant(End));

        Assert.Equal(["cleo", "ben", "anna"], result.Standings.Select(s => s.Id));
        Assert.Equal(6, result.Standings[0].Score);
    }

    [Fact]
    public void Teams_compete_per_rep_and_activities_outside_the_window_do_not_count()
    {
        // North: anna 3 calls + ben 5 = 8 over 2 reps = 4; south: cleo 2 (+ 9 the day before) over 1 rep = 2.
        var contest = Contest(CompetitionScope.Teams, ["north", "south"], ScoreBasis.Metric, "call", CompetitionFinish.MostByEnd, 0);

        var result = CompetitionJudge.Judge(contest, Org, Activities, Instant(End));

        Assert.Equal(["north", "south"], result.Standings.Select(s => s.Id));
        Assert.Equal([4d, 2d], result.Standings.Select(s => s.Score));
        Assert.Equal("north", result.WinnerId);
    }

    [Fact]
    public void Attainment_compares_each_rep_with_their_own_goals()
    {
        // Half the working day gone at 13:00: anna's goal 20 expects 10 (3 calls: 0.3); cleo's goal 2 expects 1 (2: capped 1.5).
        var contest = Contest(CompetitionScope.Reps, ["anna", "cleo"], ScoreBasis.Attainment, null, CompetitionFinish.MostByEnd, 0);

        var result = CompetitionJudge.Judge(contest, Org, Activities, Instant("2026-11-26T13:00:00+01:00"));

        Assert.Equal(["cleo", "anna"], result.Standings.Select(s => s.Id));
        Assert.Equal(1.5, result.Standings[0].Score, 9);
        Assert.Equal(0.3, result.Standings[1].Score, 9);
    }

    private static readonly ScoredActivity[] Activities =
    [
        new("cleo", Instant("2026-11-25T10:00:00+01:00"), "call", 9), // the day before: outside
        new("anna", Instant("2026-11-26T09:30:00+01:00"), "meeting", 2),
        new("anna", Instant("2026-11-26T09:40:00+01:00"), "call", 3),
        new("ben", Instant("2026-11-26T10:00:00+01:00"), "call", 4),
        new("ben", Instant("2026-11-26T10:05:00+01:00"), "call", 1),
        new("cleo", Instant("2026-11-26T11:00:00+01:00"), "call", 3),
        new("cleo", Instant("2026-11-26T11:30:00+01:00"), "call", -1), // a void
    ];

    private static Competition Contest(CompetitionScope scope, string[] participants, ScoreBasis basis, string? metric, CompetitionFinish finish, double target, Dictionary<string, double>? handicaps = null) =>
        new("c1", "Thursday sprint", "north", scope, participants, basis, metric, finish, target, Instant(Start), Instant(End), handicaps ?? []);

    private static Organization MakeOrg()
    {
        WorkingCalendar berlin = TestCalendars.Berlin();
        return new Organization(
            [new Metric("call", "Calls", 1), new Metric("meeting", "Meetings", 10)],
            [
                new Team("north", "North", berlin, [], [
                    new Rep("anna", "Anna", "north", [new Goal("call", GoalPeriod.Day, 20)]),
                    new Rep("ben", "Ben", "north", [new Goal("call", GoalPeriod.Day, 20)]),
                ]),
                new Team("south", "South", berlin, [], [new Rep("cleo", "Cleo", "south", [new Goal("call", GoalPeriod.Day, 2)])]),
            ]);
    }
}
