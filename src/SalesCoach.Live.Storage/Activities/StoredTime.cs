namespace SalesCoach.Live.Storage.Activities;

/// <summary>
/// Time as both stores keep it: whole microseconds (PostgreSQL's resolution), so that an activity reads back equal
/// to the one <see cref="IActivityLog.AppendAsync"/> returned, whichever store holds it.
/// </summary>
internal static class StoredTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    /// <summary>Drops the sub-microsecond ticks, keeping the offset.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TicksPerMicrosecond), value.Offset);

    /// <summary>Microseconds since the Unix epoch, rounded down.</summary>
    public static long ToUnixMicrosecondsFloor(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - UnixEpochTicks;
        var microseconds = ticks / TicksPerMicrosecond;
        return ticks % TicksPerMicrosecond < 0 ? microseconds - 1 : microseconds;
    }

    /// <summary>Microseconds since the Unix epoch, rounded up: the lowest stored instant not before <paramref name="value"/>.</summary>
    public static long ToUnixMicrosecondsCeiling(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - UnixEpochTicks;
        var microseconds = ticks / TicksPerMicrosecond;
        return ticks % TicksPerMicrosecond > 0 ? microseconds + 1 : microseconds;
    }

    public static DateTimeOffset FromUnixMicroseconds(long microseconds, int offsetMinutes) =>
        new DateTimeOffset(UnixEpochTicks + (microseconds * TicksPerMicrosecond), TimeSpan.Zero)
            .ToOffset(TimeSpan.FromMinutes(offsetMinutes));

    public static DateTime FromUnixMicrosecondsUtc(long microseconds) =>
        new(UnixEpochTicks + (microseconds * TicksPerMicrosecond), DateTimeKind.Utc);

    /// <summary>The offset in whole minutes; <see cref="DateTimeOffset"/> guarantees offsets are whole minutes.</summary>
    public static int OffsetMinutes(DateTimeOffset value) => (int)(value.Offset.Ticks / TimeSpan.TicksPerMinute);
}
