using System.Globalization;
using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Domain.Pacing;
using static SalesCoach.Live.Domain.Tests.Moments;

namespace SalesCoach.Live.Domain.Tests.Boards;

/// <summary><see cref="BoardBuilder"/>: a team's board at an instant (contract sections 3 and 5).</summary>
public sealed class BoardBuilderTests
{
    private const int Precision = 9;

    // Thursday 2026-11-26 10:30 in Berlin: 1.5 h of the day's 8 h gone (fraction 0.1875), 6.5 h left;
    // of the week Mon 23 .. Sun 29 (40 h), 8 + 8 + 8 + 1.5 = 25.5 h gone (fraction 0.6375), 14.5 h left.
    private const string Thursday1030 = "2026-11-26T10:30:00+01:00";

    private static readonly IReadOnlyList<Metric> Metrics =
    [
        new("call", "Calls", 1),
        new("meeting", "Meetings booked", 10, OutcomeOf: "call"),
        new("deal", "Deals won", 50, Celebrate: true, HasValue: true),
    ];

    [Fact]
    public void The_contract_board_example_comes_out_as_written()
    {
        var team = Team(
            Rep("anna", "Anna Berg", new Goal("call", GoalPeriod.Day, 60)),
            Rep("ben", "Ben Okafor", new Goal("call", GoalPeriod.Day, 40)));
        var ledgers = Ledgers(
            ("anna", "call", "2026-11-26", 30),
            ("anna", "meeting", "2026-11-26", 10),
            ("ben", "call", "2026-11-26", 15));

        var board = Build(team, ledgers, Thursday1030);

        Assert.Equal(("emea", "EMEA SDR"), (board.TeamId, board.TeamName));
        Assert.Equal(Instant(Thursday1030), board.AsOf);
        Assert.Equal(TimeSpan.FromHours(1), board.AsOf.Offset);

        var anna = board.Reps[0];
        Assert.Equal(("anna", 1, 130L), (anna.RepId, anna.Rank, anna.Score)); // 30 calls x 1 + 10 meetings x 10
        var annaCalls = Metric(anna.Metrics, "call");
        Assert.Empty(annaCalls.OtherPeriods);
        // goal 60 x 0.1875 = 11.25; 30 / 11.25 = 2.67; 30 / 0.1875 = 160; (60 - 30) / 6.5 = 4.62.
        AssertFigures(annaCalls.Primary, GoalPeriod.Day, actual: 30, goal: 60, expected: 11.25, paceRatio: 30 / 11.25, projected: 160, neededPerHour: 30 / 6.5, PaceStatus.Ahead);

        // Team: goal 60 + 40 = 100, actual 30 + 15 = 45: 18.75 expected, 2.4, 240, (100 - 45) / 6.5 = 8.46.
        var teamCalls = Metric(board.Team.Metrics, "call");
        AssertFigures(teamCalls.Primary, GoalPeriod.Day, actual: 45, goal: 100, expected: 18.75, paceRatio: 2.4, projected: 240, neededPerHour: 55 / 6.5, PaceStatus.Ahead);
        Assert.Equal(145, board.Team.Score);
        Assert.Equal(("ben", 2, 15L), (board.Reps[1].RepId, board.Reps[1].Rank, board.Reps[1].Score));
    }

    [Theory]
    // Points: call 1, meeting 10, deal 50; all today.
    [InlineData(0, 0, 0, 0)]
    [InlineData(30, 10, 0, 130)]
    [InlineData(5, 2, 1, 75)] // 5 + 20 + 50
    [InlineData(12, 0, 3, 162)] // 12 + 150
    public void The_score_is_points_times_the_days_quantity_summed_over_metrics(int calls, int meetings, int deals, long score)
    {
        var ledgers = Ledgers(("anna", "call", "2026-11-26", calls), ("anna", "meeting", "2026-11-26", meetings), ("anna", "deal", "2026-11-26", deals));

        var board = Build(Team(Rep("anna", "Anna Berg")), ledgers, Thursday1030);

        Assert.Equal(score, Assert.Single(board.Reps).Score);
        Assert.Equal(score, board.Team.Score);
    }

    [Theory]
    // "Name=calls today" per rep (points 1 a call, so the calls are the score); reps without calls have no ledger at all.
    [InlineData("Anna=10;Ben=30;Chloé=20", "Ben;Chloé;Anna")] // highest first
    [InlineData("Zoe=5;Adam=5;Mia=5", "Adam;Mia;Zoe")] // ties broken by name
    [InlineData("Ben=7;Carl=9;anna=7", "Carl;anna;Ben")] // names compare without regard to case
    [InlineData("Fred=4;Émile=4;Dora=4", "Dora;Émile;Fred")] // ... and alphabetically, accents included
    [InlineData("Anna=0;Bob=3;Cleo=0", "Bob;Anna;Cleo")] // reps with nothing today rank last, by name
    public void Reps_rank_by_score_highest_first_with_ties_broken_by_name(string repsAndCalls, string expectedOrder)
    {
        var entries = repsAndCalls.Split(';').Select(e => e.Split('=')).Select((e, i) => (Id: $"r{i}", Name: e[0], Calls: int.Parse(e[1], CultureInfo.InvariantCulture))).ToList();
        var team = Team([.. entries.Select(e => Rep(e.Id, e.Name))]);
        var ledgers = Ledgers([.. entries.Where(e => e.Calls > 0).Select(e => (e.Id, "call", "2026-11-26", e.Calls))]);

        var board = Build(team, ledgers, Thursday1030);

        Assert.Equal(expectedOrder.Split(';'), board.Reps.Select(r => r.Name));
        Assert.Equal(Enumerable.Range(1, entries.Count), board.Reps.Select(r => r.Rank));
    }

    [Fact]
    public void Reps_with_the_same_score_and_name_still_get_distinct_ranks()
    {
        BoardRow[] rows = [new("sam-2", "Sam", 0, 5, []), new("sam-1", "Sam", 0, 5, []), new("max", "Max", 0, 9, [])];

        var ranked = BoardBuilder.Rank(rows);

        Assert.Equal([("max", 1), ("sam-1", 2), ("sam-2", 3)], ranked.Select(r => (r.RepId, r.Rank)));
    }

    [Theory]
    // One call entry in Anna's ledger; the board is as of Thursday 2026-11-26 10:30 (week Mon 23 .. Sun 29).
    [InlineData("2026-11-26", 5, 5, 5)] // today
    [InlineData("2026-11-24", 7, 0, 7)] // a late activity from Tuesday: this week, not today
    [InlineData("2026-11-23", 3, 0, 3)] // Monday opens the week
    [InlineData("2026-11-22", 4, 0, 0)] // last Sunday belongs to the previous week
    [InlineData("2026-11-20", 11, 0, 0)] // last Friday
    public void Late_activity_counts_in_the_period_it_happened_in(string day, int calls, int dayActual, int weekActual)
    {
        var team = Team(Rep("anna", "Anna Berg", new Goal("call", GoalPeriod.Day, 60), new Goal("call", GoalPeriod.Week, 300)));

        var board = Build(team, Ledgers(("anna", "call", day, calls)), Thursday1030);

        var row = Assert.Single(board.Reps);
        var pace = Metric(row.Metrics, "call");
        Assert.Equal((GoalPeriod.Day, (double)dayActual), (pace.Primary.Period, pace.Primary.Actual));
        var week = Assert.Single(pace.OtherPeriods);
        Assert.Equal((GoalPeriod.Week, (double)weekActual), (week.Period, week.Actual));
        Assert.Equal(dayActual, row.Score); // the score counts only today
        Assert.Equal(dayActual, board.Team.Score);
    }

    [Fact]
    public void A_metric_with_day_and_week_goals_shows_the_day_first_and_the_week_among_other_periods()
    {
        var team = Team(Rep("anna", "Anna Berg", new Goal("call", GoalPeriod.Week, 300), new Goal("call", GoalPeriod.Day, 60)));
        var ledgers = Ledgers(("anna", "call", "2026-11-26", 30), ("anna", "call", "2026-11-25", 50));

        var board = Build(team, ledgers, Thursday1030);

        var pace = Metric(Assert.Single(board.Reps).Metrics, "call");
        AssertFigures(pace.Primary, GoalPeriod.Day, actual: 30, goal: 60, expected: 11.25, paceRatio: 30 / 11.25, projected: 160, neededPerHour: 30 / 6.5, PaceStatus.Ahead);
        // Week: goal 300 x 0.6375 = 191.25 expected; 80 actual -> ratio 80 / 191.25 = 0.418 (at risk);
        // projected 80 / 0.6375 = 125.49; needed (300 - 80) / 14.5 h = 15.17 an hour.
        var week = Assert.Single(pace.OtherPeriods);
        AssertFigures(week, GoalPeriod.Week, actual: 80, goal: 300, expected: 191.25, paceRatio: 80 / 191.25, projected: 80 / 0.6375, neededPerHour: 220 / 14.5, PaceStatus.AtRisk);
        Assert.Same(week, pace.For(GoalPeriod.Week));
        Assert.Same(pace.Primary, pace.For(GoalPeriod.Day));
        Assert.Null(pace.For(GoalPeriod.Month));
    }

    [Theory]
    // The goal periods of one metric, in the order the rep's goals list them -> the primary period and the others, shortest first.
    [InlineData("day,week", "day", "week")]
    [InlineData("week,day", "day", "week")]
    [InlineData("quarter,week,month", "week", "month,quarter")]
    [InlineData("month", "month", "")]
    public void The_shortest_goal_period_is_primary_and_the_others_follow_in_order(string periods, string primary, string others)
    {
        var goals = periods.Split(',').Select(p => new Goal("call", Period(p), 100)).ToArray();

        var pace = Metric(Assert.Single(Build(Team(Rep("anna", "Anna Berg", goals)), Ledgers(), Thursday1030).Reps).Metrics, "call");

        Assert.Equal(Period(primary), pace.Primary.Period);
        Assert.Equal(others.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Period), pace.OtherPeriods.Select(p => p.Period));
    }

    [Theory]
    // Deals have no goal; Anna's ledger has 2 deals today and 1 on Monday, Ben's 1 today.
    [InlineData("anna", 2)]
    [InlineData("ben", 1)]
    public void A_metric_without_a_goal_shows_the_days_count_with_status_no_goal(string repId, int dealsToday)
    {
        var team = Team(Rep("anna", "Anna Berg", new Goal("call", GoalPeriod.Day, 60)), Rep("ben", "Ben Okafor", new Goal("call", GoalPeriod.Day, 40)));
        var ledgers = Ledgers(("anna", "deal", "2026-11-26", 2), ("anna", "deal", "2026-11-23", 1), ("ben", "deal", "2026-11-26", 1));

        var board = Build(team, ledgers, Thursday1030);

        var deals = Metric(board.Reps.Single(r => r.RepId == repId).Metrics, "deal");
        AssertNoGoal(deals, dealsToday);
        AssertNoGoal(Metric(board.Team.Metrics, "deal"), 3); // 2 + 1 today
    }

    [Theory]
    // Anna, Ben and Chloé; Chloé has no ledger. Goals: Anna and Chloé 60 calls a day, Ben 40; all three 300 calls and 8 meetings a week.
    // Ledgers: Anna 20 calls today, 10 on Tuesday, 2 meetings on Monday; Ben 10 calls today, 3 last Friday.
    [InlineData("call", GoalPeriod.Day, 160, 30)] // 60 + 40 + 60; 20 + 10
    [InlineData("call", GoalPeriod.Week, 900, 40)] // 3 x 300; 20 + 10 + 10 (last Friday's 3 are another week)
    [InlineData("meeting", GoalPeriod.Week, 24, 2)] // 3 x 8
    public void The_team_goal_and_actual_are_the_sums_over_its_reps(string metric, GoalPeriod period, double goal, double actual)
    {
        Goal[] shared = [new("call", GoalPeriod.Week, 300), new("meeting", GoalPeriod.Week, 8)];
        var team = Team(
            Rep("anna", "Anna Berg", [new("call", GoalPeriod.Day, 60), .. shared]),
            Rep("ben", "Ben Okafor", [new("call", GoalPeriod.Day, 40), .. shared]),
            Rep("chloe", "Chloé Martin", [new("call", GoalPeriod.Day, 60), .. shared]));
        var ledgers = Ledgers(
            ("anna", "call", "2026-11-26", 20),
            ("anna", "call", "2026-11-24", 10),
            ("anna", "meeting", "2026-11-23", 2),
            ("ben", "call", "2026-11-26", 10),
            ("ben", "call", "2026-11-20", 3));

        var board = Build(team, ledgers, Thursday1030);

        var figures = Metric(board.Team.Metrics, metric).For(period);
        Assert.NotNull(figures);
        Assert.Equal(goal, figures.Goal);
        Assert.Equal(actual, figures.Actual);
        Assert.Equal(goal * (period == GoalPeriod.Day ? 0.1875 : 0.6375), figures.Expected!.Value, Precision);
    }

    [Fact]
    public void Board_rows_list_every_org_metric_in_org_order()
    {
        var board = Build(Team(Rep("anna", "Anna Berg", new Goal("meeting", GoalPeriod.Week, 8))), Ledgers(), Thursday1030);

        Assert.Equal(["call", "meeting", "deal"], Assert.Single(board.Reps).Metrics.Select(m => m.Key));
        Assert.Equal(["call", "meeting", "deal"], board.Team.Metrics.Select(m => m.Key));
        Assert.Same(Metrics, board.MetricDefs);
    }

    [Fact]
    public void The_board_is_stamped_in_the_teams_local_offset()
    {
        var board = Build(Team(Rep("anna", "Anna Berg")), Ledgers(), "2026-11-26T09:30:00Z");

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 30, 0, TimeSpan.FromHours(1)), board.AsOf);
        Assert.Equal(TimeSpan.FromHours(1), board.AsOf.Offset);
    }

    private static Board Build(Team team, Dictionary<string, RepLedger> ledgers, string at) =>
        BoardBuilder.Build(team, Metrics, rep => ledgers.GetValueOrDefault(rep.Id), Instant(at));

    private static Team Team(params Rep[] reps) =>
        new("emea", "EMEA SDR", TestCalendars.Berlin(), [new Goal("call", GoalPeriod.Day, 60)], reps);

    private static Rep Rep(string id, string name, params Goal[] goals) => new(id, name, "emea", goals);

    private static Dictionary<string, RepLedger> Ledgers(params (string RepId, string Metric, string Day, int Quantity)[] entries)
    {
        var ledgers = new Dictionary<string, RepLedger>(StringComparer.Ordinal);
        foreach (var (repId, metric, day, quantity) in entries)
        {
            if (!ledgers.TryGetValue(repId, out var ledger))
            {
                ledger = new RepLedger();
                ledgers[repId] = ledger;
            }

            ledger.Add(metric, Date(day), quantity, 0m);
        }

        return ledgers;
    }

    private static MetricPace Metric(IReadOnlyList<KeyValuePair<string, MetricPace>> metrics, string key) =>
        Assert.Single(metrics, m => m.Key == key).Value;

    private static GoalPeriod Period(string name) =>
        GoalPeriodNames.TryParse(name, out var period) ? period : throw new ArgumentException($"'{name}' is not a period", nameof(name));

    private static void AssertNoGoal(MetricPace pace, double dayCount)
    {
        Assert.Equal(GoalPeriod.Day, pace.Primary.Period);
        Assert.Equal(PaceStatus.NoGoal, pace.Primary.Status);
        Assert.Equal(dayCount, pace.Primary.Actual);
        Assert.Null(pace.Primary.Goal);
        Assert.Null(pace.Primary.Expected);
        Assert.Null(pace.Primary.PaceRatio);
        Assert.Empty(pace.OtherPeriods);
    }

    private static void AssertFigures(PaceFigures figures, GoalPeriod period, double actual, double goal, double expected, double paceRatio, double projected, double neededPerHour, PaceStatus status)
    {
        Assert.Equal(period, figures.Period);
        Assert.Equal(actual, figures.Actual);
        Assert.Equal(goal, figures.Goal);
        Assert.Equal(expected, figures.Expected!.Value, Precision);
        Assert.Equal(paceRatio, figures.PaceRatio!.Value, Precision);
        Assert.Equal(projected, figures.Projected!.Value, Precision);
        Assert.Equal(neededPerHour, figures.NeededPerHour!.Value, Precision);
        Assert.Equal(status, figures.Status);
    }
}
