using SalesCoach.Live.Domain.Calendar;

namespace SalesCoach.Live.Domain.Gamification;

/// <summary>
/// Streaks: consecutive working days on which a rep met a daily goal. Days that are not working days of the team
/// (weekends, holidays) neither count nor break a streak; today counts once met and does not break it before then.
/// </summary>
public static class Streaks
{
    /// <summary>How far back a streak is followed.</summary>
    public const int MaxDays = 400;

    /// <summary>The current streak as of <paramref name="today"/>, given the local days the goal was met.</summary>
    public static int Current(WorkingCalendar calendar, IReadOnlySet<DateOnly> metDays, DateOnly today)
    {
        var streak = 0;
        for (var i = 0; i < MaxDays; i++)
        {
            var day = today.AddDays(-i);
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            if (metDays.Contains(day))
            {
                streak++;
            }
            else if (day != today)
            {
                break;
            }
        }

        return streak;
    }
}
