using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;
using static SalesCoach.Live.Domain.Tests.Moments;

namespace SalesCoach.Live.Domain.Tests.Boards;

public sealed class RepLedgerTests
{
    [Theory]
    // Quantities and values added to one day accumulate.
    [InlineData(new long[] { 1 }, 1)]
    [InlineData(new long[] { 1, 1, 1 }, 3)]
    [InlineData(new long[] { 5, 20 }, 25)]
    public void Add_accumulates_a_days_quantity_and_value_and_returns_the_new_total(long[] quantities, long total)
    {
        var ledger = new RepLedger();
        var tally = default(DayTally);
        long running = 0;
        foreach (var quantity in quantities)
        {
            running += quantity;
            tally = ledger.Add("deal", Date("2026-11-26"), quantity, 1000.50m * quantity);
            Assert.Equal(running, tally.Quantity);
        }

        Assert.Equal(new DayTally(total, 1000.50m * total), tally);
        Assert.Equal(tally, ledger.Get("deal", Date("2026-11-26")));
    }

    [Theory]
    [InlineData("call", "2026-11-25")] // another day
    [InlineData("meeting", "2026-11-26")] // another metric
    [InlineData("Call", "2026-11-26")] // metric keys are case-sensitive
    public void Days_and_metrics_are_kept_apart(string metric, string day)
    {
        var ledger = new RepLedger();
        ledger.Add("call", Date("2026-11-26"), 4, 0m);

        Assert.Equal(default, ledger.Get(metric, Date(day)));
        Assert.Equal(0, ledger.Sum(metric, PeriodRange.Containing(GoalPeriod.Day, Date(day))));
    }

    [Theory]
    // The fixture's calls, summed over the ranges that hold the given date.
    [InlineData(GoalPeriod.Day, "2026-11-26", 6)] // 5 + 1
    [InlineData(GoalPeriod.Day, "2026-11-27", 0)]
    [InlineData(GoalPeriod.Week, "2026-11-26", 11)] // Mon 2 + Tue 3 + Thu 6
    [InlineData(GoalPeriod.Week, "2026-11-20", 11)] // last week: Friday's 11
    [InlineData(GoalPeriod.Week, "2026-12-01", 20)] // Mon 11-30 7 + Tue 12-01 13
    [InlineData(GoalPeriod.Month, "2026-11-26", 29)] // 11 + 2 + 3 + 6 + 7
    [InlineData(GoalPeriod.Quarter, "2026-11-26", 59)] // October 17 + November 29 + December 13
    [InlineData(GoalPeriod.Quarter, "2026-09-15", 19)] // Q3: September 30's 19
    public void Sum_adds_the_quantities_of_the_days_in_a_range(GoalPeriod period, string date, long sum) =>
        Assert.Equal(sum, Fixture().Sum("call", PeriodRange.Containing(period, Date(date))));

    [Fact]
    public void SumInto_sums_several_ranges_in_one_pass_and_overwrites_what_was_there()
    {
        PeriodRange[] ranges = [.. Enum.GetValues<GoalPeriod>().Select(p => PeriodRange.Containing(p, Date("2026-11-26")))];
        long[] sums = [-1, 99, 99, 99];

        Fixture().SumInto("call", ranges, sums);

        Assert.Equal([6L, 11L, 29L, 59L], sums); // day, week, month, quarter as above
    }

    [Fact]
    public void SumInto_for_a_metric_never_seen_clears_the_sums()
    {
        PeriodRange[] ranges = [PeriodRange.Containing(GoalPeriod.Day, Date("2026-11-26")), PeriodRange.Containing(GoalPeriod.Week, Date("2026-11-26"))];
        long[] sums = [7, 7];

        Fixture().SumInto("deal", ranges, sums);

        Assert.Equal([0L, 0L], sums);
    }

    [Fact]
    public void Set_replaces_a_days_total()
    {
        var ledger = Fixture();

        ledger.Set("call", Date("2026-11-26"), new DayTally(40, 0m));

        Assert.Equal(new DayTally(40, 0m), ledger.Get("call", Date("2026-11-26")));
        Assert.Equal(45, ledger.Sum("call", PeriodRange.Containing(GoalPeriod.Week, Date("2026-11-26")))); // 2 + 3 + 40
    }

    [Theory]
    // Dropping days before the given one, for every metric: (call quarter Q4 total, call 2026-09-30, meeting total of November's week 23..29).
    [InlineData("2026-09-01", 59, 19, 2)] // nothing to drop
    [InlineData("2026-10-01", 59, 0, 2)] // September goes
    [InlineData("2026-11-23", 2 + 3 + 6 + 7 + 13, 0, 2)] // October and early November go (17 + 11 dropped); the first day itself stays
    [InlineData("2026-11-24", 3 + 6 + 7 + 13, 0, 0)] // Monday goes too, with its meeting
    [InlineData("2027-01-01", 0, 0, 0)] // everything goes
    public void DropBefore_forgets_earlier_days_and_keeps_the_rest(string first, long quarterCalls, long septemberCalls, long weekMeetings)
    {
        var ledger = Fixture();

        ledger.DropBefore(Date(first));

        Assert.Equal(quarterCalls, ledger.Sum("call", PeriodRange.Containing(GoalPeriod.Quarter, Date("2026-11-26"))));
        Assert.Equal(septemberCalls, ledger.Get("call", Date("2026-09-30")).Quantity);
        Assert.Equal(weekMeetings, ledger.Sum("meeting", PeriodRange.Containing(GoalPeriod.Week, Date("2026-11-26"))));
    }

    /// <summary>Calls on days around Thursday 2026-11-26, and two meetings on Monday 11-23.</summary>
    private static RepLedger Fixture()
    {
        var ledger = new RepLedger();
        (string Day, long Calls)[] calls =
        [
            ("2026-09-30", 19), // Q3
            ("2026-10-01", 17),
            ("2026-11-20", 11), // Friday of the previous week
            ("2026-11-23", 2), // Monday
            ("2026-11-24", 3), // Tuesday
            ("2026-11-26", 5), // Thursday ...
            ("2026-11-26", 1), // ... twice
            ("2026-11-30", 7), // next Monday, still November
            ("2026-12-01", 13),
        ];
        foreach (var (day, quantity) in calls)
        {
            ledger.Add("call", Date(day), quantity, 0m);
        }

        ledger.Add("meeting", Date("2026-11-23"), 2, 0m);
        return ledger;
    }
}
