using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Boards;

/// <summary>
/// The days a live ledger keeps: back to the start of the current quarter or ISO week, whichever is earlier, and at
/// least four weeks (enough for a rep's usual level on comparable days).
/// </summary>
public static class LedgerWindow
{
    public const int MinimumDays = 28;

    public static DateOnly FirstDay(DateOnly today)
    {
        var quarter = PeriodRange.Containing(GoalPeriod.Quarter, today).First;
        var week = PeriodRange.Containing(GoalPeriod.Week, today).First;
        var floor = today.AddDays(-MinimumDays);
        var first = quarter < week ? quarter : week;
        return first < floor ? first : floor;
    }

    /// <summary>The instant the window of the local day holding <paramref name="instant"/> starts.</summary>
    public static DateTimeOffset Start(WorkingCalendar calendar, DateTimeOffset instant) =>
        calendar.At(FirstDay(calendar.LocalDate(instant)), TimeSpan.Zero);
}
