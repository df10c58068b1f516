using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;
using static SalesCoach.Live.Domain.Tests.Moments;

namespace SalesCoach.Live.Domain.Tests.Calendar;

/// <summary>
/// <see cref="WorkingCalendar.Progress(GoalPeriod, DateTimeOffset)"/> and the <c>elapsedFraction</c> of contract section 3:
/// working time of the period up to the instant over all working time of the period.
/// </summary>
public sealed class WorkingCalendarProgressTests
{
    private const string Berlin = "Europe/Berlin";
    private const string NewYork = "America/New_York";
    private const string Kolkata = "Asia/Kolkata";

    [Theory]
    // Thursday 2026-11-26 in Berlin (+01:00), working 09:00-17:00 = 480 minutes.
    [InlineData("2026-11-26T00:00:00+01:00", 0)]
    [InlineData("2026-11-26T08:59:00+01:00", 0)] // before the first working minute
    [InlineData("2026-11-26T09:00:00+01:00", 0)]
    [InlineData("2026-11-26T09:01:00+01:00", 1)]
    [InlineData("2026-11-26T10:30:00+01:00", 90)]
    [InlineData("2026-11-26T09:30:00Z", 90)] // the same 10:30 Berlin, given in UTC
    [InlineData("2026-11-26T04:30:00-05:00", 90)] // ... and in New York's offset
    [InlineData("2026-11-26T13:00:00+01:00", 240)]
    [InlineData("2026-11-26T16:59:00+01:00", 479)]
    [InlineData("2026-11-26T17:00:00+01:00", 480)]
    [InlineData("2026-11-26T23:59:00+01:00", 480)] // after the last working minute
    public void A_working_day_runs_from_nothing_before_nine_to_everything_after_five(string at, int elapsedMinutes)
    {
        var progress = TestCalendars.Berlin().Progress(GoalPeriod.Day, Instant(at));

        AssertProgress(progress, TimeSpan.FromMinutes(elapsedMinutes), TimeSpan.FromHours(8));
        Assert.Equal(new PeriodRange(GoalPeriod.Day, Date("2026-11-26"), Date("2026-11-26")), progress.Range);
    }

    [Theory]
    [InlineData("2026-11-26T08:59:00+01:00", 0.0)]
    [InlineData("2026-11-26T10:30:00+01:00", 0.1875)] // 1.5 h / 8 h
    [InlineData("2026-11-26T13:00:00+01:00", 0.5)]
    [InlineData("2026-11-26T17:00:00+01:00", 1.0)]
    [InlineData("2026-11-26T20:00:00+01:00", 1.0)]
    public void The_elapsed_fraction_is_working_time_so_far_over_all_working_time(string at, double fraction) =>
        Assert.Equal(fraction, TestCalendars.Berlin().Progress(GoalPeriod.Day, Instant(at)).ElapsedFraction, 12);

    [Theory]
    [InlineData("2026-11-28T12:00:00+01:00", "")] // Saturday
    [InlineData("2026-11-29T12:00:00+01:00", "")] // Sunday
    [InlineData("2026-11-25T12:00:00+01:00", "2026-11-25")] // a holiday on a Wednesday
    [InlineData("2026-12-25T12:00:00+01:00", "2026-12-24,2026-12-25")]
    public void A_day_off_has_no_working_time_so_its_fraction_and_remaining_time_are_zero(string at, string holidays)
    {
        var progress = TestCalendars.Berlin(holidays).Progress(GoalPeriod.Day, Instant(at));

        AssertProgress(progress, TimeSpan.Zero, TimeSpan.Zero);
        Assert.Equal(0d, progress.ElapsedFraction);
        Assert.Equal(TimeSpan.Zero, progress.Remaining);
    }

    [Theory]
    // Week Mon 2026-11-23 .. Sun 11-29, Mon-Fri 09:00-17:00, Wednesday 11-25 a holiday: 4 x 8 h = 32 h.
    [InlineData("2026-11-23T08:00:00+01:00", 0)]
    [InlineData("2026-11-24T13:00:00+01:00", 12)] // 8 + 4
    [InlineData("2026-11-25T13:00:00+01:00", 16)] // 8 + 8 + nothing on the holiday
    [InlineData("2026-11-26T13:00:00+01:00", 20)] // 8 + 8 + 0 + 4
    [InlineData("2026-11-27T17:00:00+01:00", 32)]
    [InlineData("2026-11-29T12:00:00+01:00", 32)] // Sunday: all of it has passed
    public void A_holiday_inside_a_week_is_not_working_time(string at, double elapsedHours)
    {
        var progress = TestCalendars.Berlin("2026-11-25").Progress(GoalPeriod.Week, Instant(at));

        AssertProgress(progress, TimeSpan.FromHours(elapsedHours), TimeSpan.FromHours(32));
    }

    [Theory]
    // A calendar that works every day, so the Sundays on which the clocks change are working days.
    // Columns: zone, local date, 09:00 local, 13:00 local and 17:00 local as UTC instants.
    [InlineData(Berlin, "2026-03-28", "2026-03-28T08:00:00Z", "2026-03-28T12:00:00Z", "2026-03-28T16:00:00Z")] // CET, +01:00
    [InlineData(Berlin, "2026-03-29", "2026-03-29T07:00:00Z", "2026-03-29T11:00:00Z", "2026-03-29T15:00:00Z")] // clocks 02:00 -> 03:00, CEST +02:00
    [InlineData(Berlin, "2026-10-24", "2026-10-24T07:00:00Z", "2026-10-24T11:00:00Z", "2026-10-24T15:00:00Z")] // CEST
    [InlineData(Berlin, "2026-10-25", "2026-10-25T08:00:00Z", "2026-10-25T12:00:00Z", "2026-10-25T16:00:00Z")] // clocks 03:00 -> 02:00, CET +01:00
    [InlineData(NewYork, "2026-03-08", "2026-03-08T13:00:00Z", "2026-03-08T17:00:00Z", "2026-03-08T21:00:00Z")] // clocks 02:00 -> 03:00, EDT -04:00
    [InlineData(NewYork, "2026-11-01", "2026-11-01T14:00:00Z", "2026-11-01T18:00:00Z", "2026-11-01T22:00:00Z")] // clocks 02:00 -> 01:00, EST -05:00
    public void A_DST_day_still_has_eight_working_hours(string zone, string date, string nine, string one, string five)
    {
        var calendar = TestCalendars.Make(zone, "Mon-Sun", 9, 17);

        Assert.Equal((Instant(nine), Instant(five)), calendar.WorkingWindow(Date(date)));
        Assert.Equal(Date(date), calendar.LocalDate(Instant(one)));
        AssertProgress(calendar.Progress(GoalPeriod.Day, Instant(one)), TimeSpan.FromHours(4), TimeSpan.FromHours(8));
        Assert.Equal(0.5, calendar.Progress(GoalPeriod.Day, Instant(one)).ElapsedFraction);
        AssertProgress(calendar.Progress(GoalPeriod.Day, Instant(nine)), TimeSpan.Zero, TimeSpan.FromHours(8));
        AssertProgress(calendar.Progress(GoalPeriod.Day, Instant(five)), TimeSpan.FromHours(8), TimeSpan.FromHours(8));
    }

    [Theory]
    // Every-day calendars; the week ends on the Sunday of the clock change. At 13:00 local that Sunday: 6 x 8 + 4 = 52 h of 7 x 8 = 56 h.
    [InlineData(Berlin, "2026-03-29T11:00:00Z")]
    [InlineData(Berlin, "2026-10-25T12:00:00Z")]
    [InlineData(NewYork, "2026-03-08T17:00:00Z")]
    [InlineData(NewYork, "2026-11-01T18:00:00Z")]
    public void A_week_across_a_clock_change_keeps_eight_hours_a_day(string zone, string sundayAtOne) =>
        AssertProgress(TestCalendars.Make(zone, "Mon-Sun", 9, 17).Progress(GoalPeriod.Week, Instant(sundayAtOne)), TimeSpan.FromHours(52), TimeSpan.FromHours(56));

    [Theory]
    // Asia/Kolkata is +05:30 all year; working 09:30-18:30 local (04:00Z-13:00Z, 9 h), Mon-Sat.
    [InlineData(GoalPeriod.Day, "2026-11-26T03:59:00Z", 0, 9)] // 09:29 IST
    [InlineData(GoalPeriod.Day, "2026-11-26T04:00:00Z", 0, 9)] // 09:30 IST
    [InlineData(GoalPeriod.Day, "2026-11-26T08:00:00Z", 4, 9)] // 13:30 IST
    [InlineData(GoalPeriod.Day, "2026-11-26T13:00:00Z", 9, 9)] // 18:30 IST
    [InlineData(GoalPeriod.Day, "2026-11-26T19:00:00Z", 0, 9)] // 00:30 IST on Friday the 27th: a fresh day
    [InlineData(GoalPeriod.Week, "2026-11-28T08:00:00Z", 49, 54)] // Saturday 13:30 IST: 5 x 9 + 4 of 6 x 9
    [InlineData(GoalPeriod.Week, "2026-11-29T08:00:00Z", 54, 54)] // Sunday: the working week is over
    [InlineData(GoalPeriod.Day, "2026-11-29T08:00:00Z", 0, 0)] // Sunday is a day off
    public void A_half_hour_offset_zone_works_its_local_hours(GoalPeriod period, string utc, double elapsedHours, double totalHours) =>
        AssertProgress(TestCalendars.Make(Kolkata, "Mon-Sat", 9.5, 18.5).Progress(period, Instant(utc)), TimeSpan.FromHours(elapsedHours), TimeSpan.FromHours(totalHours));

    [Theory]
    [InlineData("2026-11-26", "2026-11-26T04:00:00Z", "2026-11-26T13:00:00Z")] // 09:30 and 18:30 at +05:30
    [InlineData("2026-11-28", "2026-11-28T04:00:00Z", "2026-11-28T13:00:00Z")] // Saturday works in a six-day week
    public void A_half_hour_offset_zone_opens_at_half_past_in_UTC(string date, string start, string end) =>
        Assert.Equal((Instant(start), Instant(end)), TestCalendars.Make(Kolkata, "Mon-Sat", 9.5, 18.5).WorkingWindow(Date(date)));

    [Theory]
    // Berlin, Mon-Sat 09:00-17:00: a week has 6 x 8 = 48 h.
    [InlineData(GoalPeriod.Week, "2026-11-23T08:00:00+01:00", 0, 48)]
    [InlineData(GoalPeriod.Week, "2026-11-28T13:00:00+01:00", 44, 48)] // Saturday 13:00: 5 x 8 + 4
    [InlineData(GoalPeriod.Week, "2026-11-29T13:00:00+01:00", 48, 48)]
    [InlineData(GoalPeriod.Day, "2026-11-28T13:00:00+01:00", 4, 8)] // Saturday counts
    [InlineData(GoalPeriod.Day, "2026-11-29T13:00:00+01:00", 0, 0)] // Sunday does not
    public void A_six_day_week_counts_Saturday_but_not_Sunday(GoalPeriod period, string at, double elapsedHours, double totalHours) =>
        AssertProgress(TestCalendars.Make(Berlin, "Mon-Sat", 9, 17).Progress(period, Instant(at)), TimeSpan.FromHours(elapsedHours), TimeSpan.FromHours(totalHours));

    [Theory]
    // December 2026, Berlin Mon-Fri 09:00-17:00, holidays 24, 25 and 31: 23 weekdays - 3 = 20 days = 160 h.
    [InlineData(GoalPeriod.Month, "2026-12-01T08:00:00+01:00", 0, 160)]
    [InlineData(GoalPeriod.Month, "2026-12-15T12:00:00+01:00", 83, 160)] // 1-4, 7-11, 14 = 10 days = 80 h, + 09:00-12:00
    [InlineData(GoalPeriod.Month, "2026-12-24T12:00:00+01:00", 136, 160)] // 1-4, 7-11, 14-18, 21-23 = 17 days; the 24th is off
    [InlineData(GoalPeriod.Month, "2026-12-31T12:00:00+01:00", 160, 160)] // the 30th was the month's last working day
    // Q4 2026: October 22 days + November 21 + December 20 = 63 days = 504 h; the clocks go back on Sun 10-25.
    [InlineData(GoalPeriod.Quarter, "2026-10-01T09:00:00+02:00", 0, 504)]
    [InlineData(GoalPeriod.Quarter, "2026-10-01T10:00:00+02:00", 1, 504)] // summer time: 10:00 CEST is an hour in
    [InlineData(GoalPeriod.Quarter, "2026-10-26T13:00:00+01:00", 140, 504)] // Oct 1-2, 5-9, 12-16, 19-23 = 17 days = 136 h, + 4
    [InlineData(GoalPeriod.Quarter, "2026-11-26T10:30:00+01:00", 321.5, 504)] // 22 + 18 (Nov 2-25) = 40 days = 320 h, + 1.5
    [InlineData(GoalPeriod.Quarter, "2026-12-31T23:00:00+01:00", 504, 504)]
    public void A_month_and_a_quarter_count_only_working_days_that_are_not_holidays(GoalPeriod period, string at, double elapsedHours, double totalHours) =>
        AssertProgress(
            TestCalendars.Berlin("2026-12-24,2026-12-25,2026-12-31").Progress(period, Instant(at)),
            TimeSpan.FromHours(elapsedHours),
            TimeSpan.FromHours(totalHours));

    [Theory]
    // Berlin, Mon-Fri 16:00-24:00 (8 h a day).
    [InlineData(GoalPeriod.Day, "2026-11-26T15:00:00+01:00", 0, 8)]
    [InlineData(GoalPeriod.Day, "2026-11-26T20:00:00+01:00", 4, 8)]
    [InlineData(GoalPeriod.Day, "2026-11-26T23:30:00+01:00", 7.5, 8)]
    [InlineData(GoalPeriod.Week, "2026-11-27T00:00:00+01:00", 32, 40)] // Thursday's window closed at midnight; Friday's opens at 16:00
    [InlineData(GoalPeriod.Week, "2026-11-28T00:00:00+01:00", 40, 40)]
    public void Working_hours_may_end_at_midnight(GoalPeriod period, string at, double elapsedHours, double totalHours) =>
        AssertProgress(TestCalendars.Make(Berlin, "Mon-Fri", 16, 24).Progress(period, Instant(at)), TimeSpan.FromHours(elapsedHours), TimeSpan.FromHours(totalHours));

    [Fact]
    public void A_day_whose_hours_end_at_midnight_is_complete_at_midnight()
    {
        var calendar = TestCalendars.Make(Berlin, "Mon-Fri", 16, 24);
        var thursday = PeriodRange.Containing(GoalPeriod.Day, Date("2026-11-26"));

        Assert.Equal((Instant("2026-11-26T15:00:00Z"), Instant("2026-11-26T23:00:00Z")), calendar.WorkingWindow(thursday.First));
        AssertProgress(calendar.Progress(thursday, Instant("2026-11-27T00:00:00+01:00")), TimeSpan.FromHours(8), TimeSpan.FromHours(8));
    }

    [Theory]
    // The week Mon 2026-11-23 .. Sun 11-29 (40 h), seen from outside it.
    [InlineData("2026-11-16T12:00:00+01:00", 0)]
    [InlineData("2026-11-23T08:59:00+01:00", 0)]
    [InlineData("2026-11-30T12:00:00+01:00", 40)]
    [InlineData("2027-03-01T12:00:00+01:00", 40)]
    public void A_range_not_yet_begun_has_nothing_elapsed_and_one_that_is_over_has_all(string at, double elapsedHours)
    {
        var week = PeriodRange.Containing(GoalPeriod.Week, Date("2026-11-23"));

        AssertProgress(TestCalendars.Berlin().Progress(week, Instant(at)), TimeSpan.FromHours(elapsedHours), TimeSpan.FromHours(40));
    }

    [Theory]
    [InlineData(Berlin, "2026-11-26T22:59:00Z", "2026-11-26")]
    [InlineData(Berlin, "2026-11-26T23:30:00Z", "2026-11-27")] // 00:30 in Berlin
    [InlineData(NewYork, "2026-11-27T03:00:00Z", "2026-11-26")] // 22:00 the evening before in New York
    [InlineData(Kolkata, "2026-11-26T18:29:00Z", "2026-11-26")] // 23:59 IST
    [InlineData(Kolkata, "2026-11-26T18:30:00Z", "2026-11-27")] // 00:00 IST
    public void The_period_is_taken_in_the_team_time_zone(string zone, string utc, string localDate)
    {
        var calendar = TestCalendars.Make(zone, "Mon-Fri", 9, 17);

        Assert.Equal(Date(localDate), calendar.LocalDate(Instant(utc)));
        Assert.Equal(PeriodRange.Containing(GoalPeriod.Day, Date(localDate)), calendar.PeriodAt(GoalPeriod.Day, Instant(utc)));
        Assert.Equal(PeriodRange.Containing(GoalPeriod.Week, Date(localDate)), calendar.Progress(GoalPeriod.Week, Instant(utc)).Range);
    }

    private static void AssertProgress(PeriodProgress progress, TimeSpan elapsed, TimeSpan total)
    {
        Assert.Equal(elapsed, progress.Elapsed);
        Assert.Equal(total, progress.Total);
        Assert.Equal(total - elapsed, progress.Remaining);
        var fraction = total > TimeSpan.Zero ? elapsed / total : 0d;
        Assert.Equal(fraction, progress.ElapsedFraction, 12);
    }
}
