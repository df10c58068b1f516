namespace SalesCoach.Live.Server.Demo;

/// <summary>A simulated rep's working habit.</summary>
public enum RepHabit
{
    Steady,
    SlowStarter,
    GoesIdle,
}
