using SalesCoach.Live.Domain.Calendar;
using static SalesCoach.Live.Domain.Tests.Moments;

namespace SalesCoach.Live.Domain.Tests.Calendar;

/// <summary><see cref="WorkingCalendar.WorkingTimeBetween"/>: only working hours of working days count.</summary>
public sealed class WorkingTimeBetweenTests
{
    [Theory]
    // Berlin, Mon-Fri 09:00-17:00, Christmas Day (Fri 2026-12-25) a holiday. 2026-11-26 is a Thursday.
    [InlineData("2026-11-26T10:00:00+01:00", "2026-11-26T10:00:00+01:00", 0)] // no time at all
    [InlineData("2026-11-26T12:00:00+01:00", "2026-11-26T10:00:00+01:00", 0)] // backwards is zero, not negative
    [InlineData("2026-11-26T10:00:00+01:00", "2026-11-26T12:30:00+01:00", 150)]
    [InlineData("2026-11-26T07:00:00+01:00", "2026-11-26T20:00:00+01:00", 480)] // the evening and the early morning do not count
    [InlineData("2026-11-26T08:00:00Z", "2026-11-26T09:00:00Z", 60)] // 09:00-10:00 Berlin, given in UTC
    [InlineData("2026-11-26T16:00:00+01:00", "2026-11-27T10:00:00+01:00", 120)] // 1 h Thursday + 1 h Friday
    [InlineData("2026-11-27T16:00:00+01:00", "2026-11-30T10:00:00+01:00", 120)] // the weekend does not count
    [InlineData("2026-11-28T10:00:00+01:00", "2026-11-29T18:00:00+01:00", 0)] // all weekend
    [InlineData("2026-12-24T16:00:00+01:00", "2026-12-28T10:00:00+01:00", 120)] // Thursday 1 h, Christmas off, weekend, Monday 1 h
    [InlineData("2026-11-23T09:00:00+01:00", "2026-11-30T09:00:00+01:00", 2400)] // a whole week: 5 x 8 h
    public void Only_working_hours_of_working_days_count(string from, string to, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), TestCalendars.Berlin("2026-12-25").WorkingTimeBetween(Instant(from), Instant(to)));

    [Theory]
    // Every-day calendars across the nights the clocks change: 16:00-17:00 the day before plus 09:00-10:00 that day.
    [InlineData("Europe/Berlin", "2026-03-28T16:00:00+01:00", "2026-03-29T10:00:00+02:00", 120)]
    [InlineData("Europe/Berlin", "2026-10-24T16:00:00+02:00", "2026-10-25T10:00:00+01:00", 120)]
    [InlineData("America/New_York", "2026-03-07T16:00:00-05:00", "2026-03-08T10:00:00-04:00", 120)]
    [InlineData("America/New_York", "2026-10-31T16:00:00-04:00", "2026-11-01T10:00:00-05:00", 120)]
    [InlineData("Europe/Berlin", "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 480)] // the short day still works 8 h
    [InlineData("Europe/Berlin", "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 480)] // the long day too
    public void Clock_changes_do_not_add_or_remove_working_time(string zone, string from, string to, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), TestCalendars.Make(zone, "Mon-Sun", 9, 17).WorkingTimeBetween(Instant(from), Instant(to)));

    [Theory]
    // Asia/Kolkata +05:30, 09:30-18:30 (04:00Z-13:00Z), Mon-Sat.
    [InlineData("2026-11-26T03:00:00Z", "2026-11-26T05:00:00Z", 60)] // from 09:30 IST
    [InlineData("2026-11-26T12:30:00Z", "2026-11-27T04:30:00Z", 60)] // 18:00-18:30 IST, then 09:30-10:00 IST next day
    [InlineData("2026-11-28T12:00:00Z", "2026-11-30T04:30:00Z", 90)] // Saturday's last hour, no Sunday, Monday's first half hour
    public void A_half_hour_offset_zone_counts_its_local_hours(string from, string to, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), TestCalendars.Make("Asia/Kolkata", "Mon-Sat", 9.5, 18.5).WorkingTimeBetween(Instant(from), Instant(to)));

    [Theory]
    // Mon-Fri 16:00-24:00 in Berlin.
    [InlineData("2026-11-26T22:00:00+01:00", "2026-11-27T18:00:00+01:00", 240)] // 22:00-24:00 Thursday + 16:00-18:00 Friday
    [InlineData("2026-11-26T23:00:00+01:00", "2026-11-27T01:00:00+01:00", 60)] // after midnight is not working time
    [InlineData("2026-11-27T20:00:00+01:00", "2026-11-28T02:00:00+01:00", 240)] // Friday 20:00 up to midnight
    public void Working_hours_ending_at_midnight_count_up_to_midnight(string from, string to, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), TestCalendars.Make("Europe/Berlin", "Mon-Fri", 16, 24).WorkingTimeBetween(Instant(from), Instant(to)));
}
