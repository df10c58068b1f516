namespace SalesCoach.Live.Domain.Gamification;

/// <summary>How a contest is won.</summary>
public enum CompetitionFinish
{
    /// <summary>The highest score when the contest ends.</summary>
    MostByEnd,
    /// <summary>The first to reach the target (points or one metric); no winner when nobody does.</summary>
    FirstTo,
}
