using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Calendar;

/// <summary>
/// A team's working time: the working days of the week, daily working hours and holidays, in an IANA time zone.
/// Working hours are wall-clock times, so a day on which the clocks change still works 09:00 to 17:00 local time.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DayOfWeek> _days;
    private readonly HashSet<DateOnly> _holidays;

    /// <param name="dayStart">Local start of working hours (from midnight).</param>
    /// <param name="dayEnd">Local end of working hours (from midnight, at most 24 hours, after <paramref name="dayStart"/>).</param>
    public WorkingCalendar(TimeZoneInfo zone, IEnumerable<DayOfWeek> days, TimeSpan dayStart, TimeSpan dayEnd, IEnumerable<DateOnly> holidays)
    {
        if (dayStart < TimeSpan.Zero || dayEnd > TimeSpan.FromHours(24) || dayEnd <= dayStart)
        {
            throw new ArgumentException($"Working hours {dayStart} to {dayEnd} are not a span within one day.", nameof(dayEnd));
        }

        Zone = zone;
        _days = [.. days];
        _holidays = [.. holidays];
        DayStart = dayStart;
        DayEnd = dayEnd;
    }

    public TimeZoneInfo Zone { get; }

    public IReadOnlySet<DayOfWeek> Days => _days;

    public IReadOnlySet<DateOnly> Holidays => _holidays;

    public TimeSpan DayStart { get; }

    public TimeSpan DayEnd { get; }

    /// <summary>The local date of an instant in this calendar's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant in this zone's local time, with its offset.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public bool IsWorkingDay(DateOnly date) => _days.Contains(date.DayOfWeek) && !_holidays.Contains(date);

    /// <summary>The instant at which a local wall-clock time happens. A time skipped by a clock change maps to the instant the clocks jumped to.</summary>
    public DateTimeOffset At(DateOnly date, TimeSpan timeOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).Add(timeOfDay);
        if (Zone.IsInvalidTime(local))
        {
            // The wall clock jumped from the start of the gap straight to its end: the first whole minute it shows again.
            var jumpedTo = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
            while (Zone.IsInvalidTime(jumpedTo))
            {
                jumpedTo = jumpedTo.AddMinutes(1);
            }

            return new DateTimeOffset(jumpedTo, Zone.GetUtcOffset(jumpedTo));
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The working window of a date, or null on a day off or holiday.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? WorkingWindow(DateOnly date) =>
        IsWorkingDay(date) ? (At(date, DayStart), At(date, DayEnd)) : null;

    /// <summary>The range of the given period that holds <paramref name="instant"/> in this zone.</summary>
    public PeriodRange PeriodAt(GoalPeriod period, DateTimeOffset instant) => PeriodRange.Containing(period, LocalDate(instant));

    /// <summary>Working time of <paramref name="range"/> up to <paramref name="instant"/>, and in all.</summary>
    public PeriodProgress Progress(PeriodRange range, DateTimeOffset instant)
    {
        var elapsed = TimeSpan.Zero;
        var total = TimeSpan.Zero;
        for (var date = range.First; date <= range.Last; date = date.AddDays(1))
        {
            if (WorkingWindow(date) is not { } window)
            {
                continue;
            }

            var length = window.End - window.Start;
            total += length;
            if (instant >= window.End)
            {
                elapsed += length;
            }
            else if (instant > window.Start)
            {
                elapsed += instant - window.Start;
            }
        }

        return new PeriodProgress(range, elapsed, total);
    }

    /// <summary>Progress of the period of the given kind that holds <paramref name="instant"/>.</summary>
    public PeriodProgress Progress(GoalPeriod period, DateTimeOffset instant) => Progress(PeriodAt(period, instant), instant);

    /// <summary>Working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var sum = TimeSpan.Zero;
        for (var date = LocalDate(from); date <= LocalDate(to); date = date.AddDays(1))
        {
            if (WorkingWindow(date) is not { } window)
            {
                continue;
            }

            var start = window.Start > from ? window.Start : from;
            var end = window.End < to ? window.End : to;
            if (end > start)
            {
                sum += end - start;
            }
        }

        return sum;
    }
}
