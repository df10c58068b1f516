using SalesCoach.Live.Domain.Calendar;

namespace SalesCoach.Live.Domain.Tests;

/// <summary>Working calendars for the case tables, described by short strings.</summary>
internal static class TestCalendars
{
    private static readonly string[] IsoWeek = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <param name="days">A span of the ISO week such as <c>Mon-Fri</c> or <c>Mon-Sun</c>.</param>
    /// <param name="holidays">Comma-separated dates, or empty.</param>
    public static WorkingCalendar Make(string zone, string days, double startHour, double endHour, string holidays = "") =>
        new(
            TimeZoneInfo.FindSystemTimeZoneById(zone),
            Days(days),
            TimeSpan.FromHours(startHour),
            TimeSpan.FromHours(endHour),
            holidays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Moments.Date));

    /// <summary>The contract's sample team: Europe/Berlin, Mon-Fri, 09:00-17:00.</summary>
    public static WorkingCalendar Berlin(string holidays = "") => Make("Europe/Berlin", "Mon-Fri", 9, 17, holidays);

    public static IReadOnlyList<DayOfWeek> Days(string span)
    {
        var parts = span.Split('-');
        var from = Array.IndexOf(IsoWeek, parts[0]);
        var to = Array.IndexOf(IsoWeek, parts[^1]);
        if (from < 0 || to < from)
        {
            throw new ArgumentException($"'{span}' is not a span of the ISO week.", nameof(span));
        }

        // ISO index 0 is Monday (DayOfWeek 1); index 6 is Sunday (DayOfWeek 0).
        return [.. Enumerable.Range(from, to - from + 1).Select(i => (DayOfWeek)((i + 1) % 7))];
    }
}
