using System.Globalization;

namespace SalesCoach.Live.Browser.Tests.Infrastructure;

/// <summary>What the competitions API is sent by the tests.</summary>
public static class Competitions
{
    /// <summary>A competition's start or end: UTC, to the second.</summary>
    public static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
