using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;
using static SalesCoach.Live.Domain.Tests.Moments;

namespace SalesCoach.Live.Domain.Tests.Calendar;

public sealed class PeriodRangeTests
{
    [Theory]
    [InlineData("2026-11-26")]
    [InlineData("2026-12-31")]
    [InlineData("2028-02-29")]
    public void A_day_is_just_that_date(string date)
    {
        var range = PeriodRange.Containing(GoalPeriod.Day, Date(date));

        Assert.Equal(new PeriodRange(GoalPeriod.Day, Date(date), Date(date)), range);
    }

    [Theory]
    // 2026-11-26 is a Thursday; its ISO week runs Monday 23 to Sunday 29.
    [InlineData("2026-11-23", "2026-11-23", "2026-11-29")] // Monday opens the week
    [InlineData("2026-11-26", "2026-11-23", "2026-11-29")]
    [InlineData("2026-11-28", "2026-11-23", "2026-11-29")] // Saturday
    [InlineData("2026-11-29", "2026-11-23", "2026-11-29")] // Sunday closes the week it ends, not the next one
    [InlineData("2026-11-22", "2026-11-16", "2026-11-22")] // the Sunday before belongs to the previous week
    [InlineData("2026-11-30", "2026-11-30", "2026-12-06")] // week across a month end
    // 2026-12-31 is a Thursday: ISO week 53 of 2026 runs Mon 2026-12-28 to Sun 2027-01-03.
    [InlineData("2026-12-28", "2026-12-28", "2027-01-03")]
    [InlineData("2026-12-31", "2026-12-28", "2027-01-03")]
    [InlineData("2027-01-01", "2026-12-28", "2027-01-03")]
    [InlineData("2027-01-03", "2026-12-28", "2027-01-03")]
    [InlineData("2027-01-04", "2027-01-04", "2027-01-10")] // first Monday of 2027 starts a new week
    // 2028 is a leap year: Tue 2028-02-29 is in the week Mon 02-28 to Sun 03-05.
    [InlineData("2028-02-29", "2028-02-28", "2028-03-05")]
    [InlineData("2028-03-01", "2028-02-28", "2028-03-05")]
    public void A_week_is_the_ISO_week_from_Monday_to_Sunday(string date, string first, string last)
    {
        var range = PeriodRange.Containing(GoalPeriod.Week, Date(date));

        Assert.Equal(new PeriodRange(GoalPeriod.Week, Date(first), Date(last)), range);
        Assert.Equal(DayOfWeek.Monday, range.First.DayOfWeek);
        Assert.Equal(DayOfWeek.Sunday, range.Last.DayOfWeek);
    }

    [Theory]
    [InlineData("2028-02-01", "2028-02-01", "2028-02-29")] // leap February has 29 days
    [InlineData("2028-02-29", "2028-02-01", "2028-02-29")]
    [InlineData("2027-02-14", "2027-02-01", "2027-02-28")] // a common February has 28
    [InlineData("2026-04-30", "2026-04-01", "2026-04-30")]
    [InlineData("2026-12-01", "2026-12-01", "2026-12-31")]
    [InlineData("2026-12-31", "2026-12-01", "2026-12-31")]
    [InlineData("2027-01-01", "2027-01-01", "2027-01-31")]
    public void A_month_is_the_calendar_month(string date, string first, string last) =>
        Assert.Equal(new PeriodRange(GoalPeriod.Month, Date(first), Date(last)), PeriodRange.Containing(GoalPeriod.Month, Date(date)));

    [Theory]
    [InlineData("2026-01-01", "2026-01-01", "2026-03-31")]
    [InlineData("2026-03-31", "2026-01-01", "2026-03-31")]
    [InlineData("2026-04-01", "2026-04-01", "2026-06-30")]
    [InlineData("2026-06-30", "2026-04-01", "2026-06-30")]
    [InlineData("2026-07-01", "2026-07-01", "2026-09-30")]
    [InlineData("2026-09-30", "2026-07-01", "2026-09-30")]
    [InlineData("2026-10-01", "2026-10-01", "2026-12-31")]
    [InlineData("2026-12-31", "2026-10-01", "2026-12-31")]
    [InlineData("2028-02-29", "2028-01-01", "2028-03-31")]
    public void A_quarter_is_the_calendar_quarter(string date, string first, string last) =>
        Assert.Equal(new PeriodRange(GoalPeriod.Quarter, Date(first), Date(last)), PeriodRange.Containing(GoalPeriod.Quarter, Date(date)));

    [Theory]
    [InlineData(GoalPeriod.Day, "2026-11-26")]
    [InlineData(GoalPeriod.Week, "2026-12-31")]
    [InlineData(GoalPeriod.Month, "2028-02-15")]
    [InlineData(GoalPeriod.Quarter, "2026-11-26")]
    public void Every_date_of_a_range_lies_in_that_same_range(GoalPeriod period, string date)
    {
        var range = PeriodRange.Containing(period, Date(date));

        for (var day = range.First; day <= range.Last; day = day.AddDays(1))
        {
            Assert.True(range.Contains(day), $"{range} should contain {day:yyyy-MM-dd}");
            Assert.Equal(range, PeriodRange.Containing(period, day));
        }

        Assert.False(range.Contains(range.First.AddDays(-1)));
        Assert.False(range.Contains(range.Last.AddDays(1)));
    }
}
