using System.Globalization;

namespace SalesCoach.Live.Connectors.Mapping;

/// <summary>The time formats the four vendors write: Unix milliseconds in a string (HubSpot), ISO 8601 with
/// <c>Z</c> or an offset, Salesforce's <c>2024-01-15T10:30:00.000+0000</c>, Pipedrive v1's
/// <c>2024-01-15 10:30:00</c> (UTC), and plain dates (taken as midnight UTC).</summary>
public static class VendorTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd",
    ];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        if (s.All(char.IsAsciiDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return FromUnixMilliseconds(ms);
        }

        // Salesforce writes the offset without a colon (+0000); make it ISO.
        if (s.Length > 5 && (s[^5] == '+' || s[^5] == '-') && s[^4..].All(char.IsAsciiDigit) && s.Contains('T', StringComparison.Ordinal))
        {
            s = string.Concat(s.AsSpan(0, s.Length - 2), ":", s.AsSpan(s.Length - 2));
        }

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture, styles, out var exact))
        {
            return exact;
        }

        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, styles, out var any) ? any : null;
    }

    public static DateTimeOffset? FromUnixSeconds(long? seconds) =>
        seconds is { } s && s > 0 ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    public static DateTimeOffset? FromUnixMilliseconds(long? milliseconds) =>
        milliseconds is { } ms && ms > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>A date and an optional <c>HH:mm</c> time, both UTC (Pipedrive's <c>due_date</c>/<c>due_time</c>).</summary>
    public static DateTimeOffset? FromDateAndTime(string? date, string? time)
    {
        if (!DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return null;
        }

        var t = TimeOnly.MinValue;
        if (!string.IsNullOrWhiteSpace(time)
            && !TimeOnly.TryParseExact(time.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out t))
        {
            t = TimeOnly.MinValue;
        }

        return new DateTimeOffset(d.ToDateTime(t), TimeSpan.Zero);
    }
}
