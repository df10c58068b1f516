using System.Globalization;

namespace SalesCoach.Live.Domain.Tests;

/// <summary>Parses the ISO-8601 strings the case tables are written in (attributes cannot hold dates).</summary>
internal static class Moments
{
    /// <summary>An instant; every table row spells out its offset (<c>+01:00</c>, <c>Z</c>).</summary>
    public static DateTimeOffset Instant(string iso) =>
        DateTimeOffset.ParseExact(iso, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
