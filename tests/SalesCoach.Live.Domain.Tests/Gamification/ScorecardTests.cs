using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Gamification;
using SalesCoach.Live.Domain.Org;
using static SalesCoach.Live.Domain.Tests.Moments;

namespace SalesCoach.Live.Domain.Tests.Gamification;

/// <summary><see cref="ScorecardBuilder"/> and <see cref="Leaderboard"/>: leaderboards by points, attainment or metric.</summary>
public sealed class ScorecardTests
{
    // Thursday 2026-11-26 13:00 in Berlin: 4 h of the day's 8 h gone; of the week 8 x 3 + 4 = 28 h gone.
    private const string Thursday1300 = "2026-11-26T13:00:00+01:00";

    private static readonly IReadOnlyList<Metric> Metrics =
    [
        new("call", "Calls", 1),
        new("meeting", "Meetings booked", 10, OutcomeOf: "call"),
    ];

    private static readonly Team Emea = new(
        "emea",
        "EMEA SDR",
        TestCalendars.Berlin(),
        [],
        [
            // Anna: big goals, big numbers. Ben: a ramping rep with small goals, fully on pace.
            new Rep("anna", "Anna Berg", "emea", [new("call", GoalPeriod.Day, 80), new("meeting", GoalPeriod.Day, 4)]),
            new Rep("ben", "Ben Okafor", "emea", [new("call", GoalPeriod.Day, 20)]),
            new Rep("cleo", "Cleo Park", "emea", []),
        ]);

    private static readonly Dictionary<string, RepLedger> Ledgers = MakeLedgers(
        ("anna", "call", "2026-11-26", 30), // 30 of 40 expected: 0.75
        ("anna", "meeting", "2026-11-26", 1), // 1 of 2: 0.5
        ("anna", "call", "2026-11-24", 70),
        ("ben", "call", "2026-11-26", 10), // 10 of 10: 1.0
        ("ben", "call", "2026-11-23", 20),
        ("cleo", "call", "2026-11-26", 12));

    [Theory]
    // basis, metric, expected order, expected values
    [InlineData(ScoreBasis.Points, null, "anna,cleo,ben", "40,12,10")]
    [InlineData(ScoreBasis.Attainment, null, "ben,anna,cleo", "1,0.625,0")] // anna (0.75 + 0.5) / 2; cleo has no goals
    [InlineData(ScoreBasis.Metric, "meeting", "anna,ben,cleo", "1,0,0")] // ties broken by name
    public void Day_leaderboards_rank_by_the_basis(ScoreBasis basis, string? metric, string order, string values)
    {
        var card = Build(GoalPeriod.Day, basis, metric);

        Assert.Equal(order.Split(','), card.Reps.Select(r => r.RepId));
        Assert.Equal([1, 2, 3], card.Reps.Select(r => r.Rank));
        Assert.Equal(values.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)), card.Reps.Select(r => Math.Round(r.Value, 9)));
        Assert.Null(card.Reps.Single(r => r.RepId == "cleo").Attainment);
    }

    [Fact]
    public void A_week_leaderboard_sums_the_week_and_prorates_day_goals()
    {
        var card = Build(GoalPeriod.Week, ScoreBasis.Attainment);

        // 28 h gone = 3.5 working days. Anna: calls 100 of 80 x 3.5 = 280, meetings 1 of 14 -> (0.357 + 0.0714) / 2.
        var anna = card.Reps.Single(r => r.RepId == "anna");
        Assert.Equal(110, anna.Points);
        Assert.Equal(((100d / 280) + (1d / 14)) / 2, anna.Attainment!.Value, 9);
        // Ben: 30 of 20 x 3.5 = 70.
        Assert.Equal(30d / 70, card.Reps.Single(r => r.RepId == "ben").Attainment!.Value, 9);
        Assert.Equal(Date("2026-11-23"), card.Range.First);
    }

    [Fact]
    public void Team_vs_team_is_normalised_per_rep()
    {
        var big = Build(GoalPeriod.Day, ScoreBasis.Points); // 62 points over 3 reps
        var small = big with { TeamId = "apac", TeamName = "APAC", Reps = [.. big.Reps.Take(1)], PerRep = 40 };

        var standings = Leaderboard.CompareTeams([big, small]);

        Assert.Equal(["apac", "emea"], standings.Select(s => s.TeamId));
        Assert.Equal(62d / 3, standings[1].PerRep, 9);
        Assert.Equal(62, standings[1].Total);
        Assert.Equal((1, 1), (standings[0].Rank, standings[0].RepCount));
    }

    [Fact]
    public void An_unknown_metric_is_refused() =>
        Assert.Throws<ArgumentException>(() => Build(GoalPeriod.Day, ScoreBasis.Metric, "email"));

    private static Scorecard Build(GoalPeriod period, ScoreBasis basis, string? metric = null) =>
        ScorecardBuilder.Build(Emea, Metrics, rep => Ledgers.GetValueOrDefault(rep.Id), period, Instant(Thursday1300), basis, metric);

    private static Dictionary<string, RepLedger> MakeLedgers(params (string Rep, string Metric, string Day, long Quantity)[] entries)
    {
        var ledgers = new Dictionary<string, RepLedger>();
        foreach (var (rep, metric, day, quantity) in entries)
        {
            if (!ledgers.TryGetValue(rep, out var ledger))
            {
                ledgers[rep] = ledger = new RepLedger();
            }

            ledger.Add(metric, Date(day), quantity, 0m);
        }

        return ledgers;
    }
}
