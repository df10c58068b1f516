using SalesCoach.Live.Domain.Gamification;
using static SalesCoach.Live.Domain.Tests.Moments;

namespace SalesCoach.Live.Domain.Tests.Gamification;

/// <summary><see cref="Streaks.Current"/> over the Berlin calendar (Mon-Fri); 2026-11-26 is a Thursday.</summary>
public sealed class StreakTests
{
    [Theory]
    [InlineData("2026-11-23,2026-11-24,2026-11-25,2026-11-26", "", "2026-11-26", 4)]
    [InlineData("2026-11-23,2026-11-24,2026-11-25", "", "2026-11-26", 3)] // today not met yet: does not break
    [InlineData("2026-11-23,2026-11-25", "", "2026-11-26", 1)] // Tuesday missed
    [InlineData("2026-11-20,2026-11-23", "", "2026-11-23", 2)] // Friday then Monday: the weekend does not break
    [InlineData("2026-11-20,2026-11-24", "2026-11-23", "2026-11-24", 2)] // Monday is a holiday: neither counts nor breaks
    [InlineData("2026-11-20,2026-11-22,2026-11-24", "2026-11-23", "2026-11-24", 2)] // a Sunday met does not count either
    [InlineData("2026-11-19", "", "2026-11-23", 0)] // Friday missed
    [InlineData("", "", "2026-11-26", 0)]
    [InlineData("2026-11-20", "", "2026-11-22", 1)] // asked on a Sunday: Friday's streak is alive
    public void A_streak_counts_consecutive_working_days_met(string met, string holidays, string today, int streak)
    {
        var days = met.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Date).ToHashSet();

        Assert.Equal(streak, Streaks.Current(TestCalendars.Berlin(holidays), days, Date(today)));
    }
}
