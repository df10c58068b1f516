using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Calendar;

/// <summary>The local dates a period spans, first and last inclusive.</summary>
public readonly record struct PeriodRange(GoalPeriod Period, DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>The range of the given kind that holds <paramref name="date"/>.</summary>
    public static PeriodRange Containing(GoalPeriod period, DateOnly date)
    {
        switch (period)
        {
            case GoalPeriod.Day:
                return new(period, date, date);
            case GoalPeriod.Week:
                // ISO week: Monday first.
                var sinceMonday = ((int)date.DayOfWeek + 6) % 7;
                var monday = date.AddDays(-sinceMonday);
                return new(period, monday, monday.AddDays(6));
            case GoalPeriod.Month:
                var first = new DateOnly(date.Year, date.Month, 1);
                return new(period, first, first.AddMonths(1).AddDays(-1));
            case GoalPeriod.Quarter:
                var quarterFirst = new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);
                return new(period, quarterFirst, quarterFirst.AddMonths(3).AddDays(-1));
            default:
                throw new ArgumentOutOfRangeException(nameof(period), period, null);
        }
    }
}
