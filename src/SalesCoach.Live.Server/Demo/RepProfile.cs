using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Demo;

/// <summary>
/// How a simulated rep works: speed, how often a call books a meeting, and a habit (a slow starter, one who goes
/// idle around midday). Derived from the rep's id, so the same rep behaves the same after a restart.
/// </summary>
public sealed record RepProfile(Rep Rep, double CallsPerHour, double Conversion, RepHabit Habit)
{
    public static RepProfile For(Rep rep, int index)
    {
        var seed = StableHash.Of(rep.Id);
        var speed = 0.65 + (seed % 700) / 1000.0;                 // 0.65 .. 1.35
        var conversion = 0.025 + ((seed / 700) % 70) / 1000.0;    // 2.5% .. 9.5%
        var dayGoal = rep.Goals.FirstOrDefault(g => g.Metric == "call" && g.Period == GoalPeriod.Day)?.Target ?? 50;
        var habit = index switch
        {
            1 => RepHabit.SlowStarter,
            3 => RepHabit.GoesIdle,
            _ => RepHabit.Steady,
        };
        return new RepProfile(rep, dayGoal / 8.0 * speed, conversion, habit);
    }

    /// <summary>The share of the rep's rate at a local time of a working day.</summary>
    public double RateFactor(TimeSpan localTime, TimeSpan dayStart) => Habit switch
    {
        RepHabit.SlowStarter when localTime - dayStart < TimeSpan.FromHours(2) => 0.2,
        RepHabit.SlowStarter => 1.3,
        RepHabit.GoesIdle when localTime >= new TimeSpan(11, 30, 0) && localTime < new TimeSpan(13, 15, 0) => 0,
        _ => 1,
    };
}
