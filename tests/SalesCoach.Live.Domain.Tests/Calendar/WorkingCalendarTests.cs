using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;
using static SalesCoach.Live.Domain.Tests.Moments;

namespace SalesCoach.Live.Domain.Tests.Calendar;

/// <summary>What a <see cref="WorkingCalendar"/> accepts and which days it works.</summary>
public sealed class WorkingCalendarTests
{
    [Theory]
    [InlineData(-1, 8)] // starts before midnight
    [InlineData(9, 9)] // no time at all
    [InlineData(17, 9)] // ends before it starts (no spans across midnight)
    [InlineData(9, 24.5)] // ends after the day
    public void Working_hours_must_be_a_span_within_one_day(double startHour, double endHour) =>
        Assert.Throws<ArgumentException>(() => TestCalendars.Make("Europe/Berlin", "Mon-Fri", startHour, endHour));

    [Theory]
    [InlineData(0, 24)]
    [InlineData(9, 17)]
    [InlineData(22, 24)]
    public void Working_hours_may_fill_any_part_of_the_day_up_to_midnight(double startHour, double endHour)
    {
        var calendar = TestCalendars.Make("Europe/Berlin", "Mon-Fri", startHour, endHour);

        Assert.Equal(TimeSpan.FromHours(endHour - startHour), calendar.Progress(GoalPeriod.Day, Instant("2026-11-26T12:00:00+01:00")).Total);
    }

    [Theory]
    // Mon-Fri with holidays on Wednesday 2026-11-25 and Friday 2026-12-25.
    [InlineData("2026-11-23", true)] // Monday
    [InlineData("2026-11-24", true)]
    [InlineData("2026-11-25", false)] // holiday
    [InlineData("2026-11-26", true)]
    [InlineData("2026-11-27", true)]
    [InlineData("2026-11-28", false)] // Saturday
    [InlineData("2026-11-29", false)] // Sunday
    [InlineData("2026-12-25", false)] // holiday
    [InlineData("2027-12-25", false)] // a Saturday; holidays are dates, not yearly
    [InlineData("2025-12-25", true)] // a Thursday, a year before the listed holiday
    public void A_working_day_is_a_working_weekday_that_is_not_a_holiday(string date, bool working)
    {
        var calendar = TestCalendars.Berlin("2026-11-25,2026-12-25");

        Assert.Equal(working, calendar.IsWorkingDay(Date(date)));
        Assert.Equal(working, calendar.WorkingWindow(Date(date)).HasValue);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-11-26", 9, "2026-11-26T08:00:00Z")] // CET, +01:00
    [InlineData("Europe/Berlin", "2026-03-29", 9, "2026-03-29T07:00:00Z")] // CEST, +02:00, the day the clocks go forward
    [InlineData("Europe/Berlin", "2026-03-29", 3, "2026-03-29T01:00:00Z")] // 03:00 CEST, the first wall time after the gap
    [InlineData("America/New_York", "2026-11-01", 9, "2026-11-01T14:00:00Z")] // EST, -05:00, the day the clocks go back
    [InlineData("Asia/Kolkata", "2026-11-26", 9.5, "2026-11-26T04:00:00Z")]
    [InlineData("Europe/Berlin", "2026-11-26", 24, "2026-11-26T23:00:00Z")] // 24:00 is the next midnight
    public void At_is_the_instant_a_local_wall_clock_time_happens(string zone, string date, double hour, string utc) =>
        Assert.Equal(Instant(utc), TestCalendars.Make(zone, "Mon-Sun", 9, 17).At(Date(date), TimeSpan.FromHours(hour)));

    [Theory]
    // In Berlin the clocks jump from 02:00 CET (01:00Z) straight to 03:00 CEST on 2026-03-29;
    // in New York from 02:00 EST (07:00Z) to 03:00 EDT on 2026-03-08. A wall time in between never shows on the clock,
    // so it maps to the instant the clocks jumped (the documented behaviour of At).
    [InlineData("Europe/Berlin", "2026-03-29", 2, "2026-03-29T01:00:00Z")]
    [InlineData("Europe/Berlin", "2026-03-29", 2.5, "2026-03-29T01:00:00Z")]
    [InlineData("Europe/Berlin", "2026-03-29", 2.75, "2026-03-29T01:00:00Z")]
    [InlineData("America/New_York", "2026-03-08", 2.5, "2026-03-08T07:00:00Z")]
    public void A_wall_time_skipped_by_the_clocks_maps_to_the_instant_they_jumped(string zone, string date, double hour, string utc) =>
        Assert.Equal(Instant(utc), TestCalendars.Make(zone, "Mon-Sun", 9, 17).At(Date(date), TimeSpan.FromHours(hour)));

    [Theory]
    // Every-day calendars in Berlin on 2026-03-29, when the wall clock goes 01:59 CET -> 03:00 CEST (01:00Z).
    // 02:30-10:00: work starts when the clock shows 03:00 (01:00Z) and ends at 10:00 CEST (08:00Z): 7 h. At 03:15 CEST, 15 min have passed.
    [InlineData(2.5, 10, "2026-03-29T01:15:00Z", 15, 420)]
    // 00:00-02:30: work runs from 00:00 CET (23:00Z the day before) until the clocks jump at 01:00Z, the last wall time before 02:30: 2 h.
    [InlineData(0, 2.5, "2026-03-29T01:15:00Z", 120, 120)]
    public void Working_hours_that_begin_or_end_in_the_skipped_hour_follow_the_wall_clock(double startHour, double endHour, string at, int elapsedMinutes, int totalMinutes)
    {
        var progress = TestCalendars.Make("Europe/Berlin", "Mon-Sun", startHour, endHour).Progress(GoalPeriod.Day, Instant(at));

        Assert.Equal(TimeSpan.FromMinutes(elapsedMinutes), progress.Elapsed);
        Assert.Equal(TimeSpan.FromMinutes(totalMinutes), progress.Total);
    }
}
