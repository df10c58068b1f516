namespace SalesCoach.Live.Server.Integrations;

/// <summary>How a mapped <c>occurredAt</c> is written in the source's events (<c>Fields:occurredAt:Format</c>).</summary>
public enum TimeFormat
{
    /// <summary>ISO-8601 with an offset or Z (<c>2026-11-24T09:15:00+01:00</c>; <c>+0100</c> is accepted too). The default.</summary>
    Iso8601,

    /// <summary>Seconds since 1970-01-01T00:00:00Z, a number or a numeric string.</summary>
    UnixSeconds,

    /// <summary>Milliseconds since 1970-01-01T00:00:00Z, a number or a numeric string (HubSpot's timestamps).</summary>
    UnixMilliseconds,
}
