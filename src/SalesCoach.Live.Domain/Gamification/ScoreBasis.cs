namespace SalesCoach.Live.Domain.Gamification;

/// <summary>What a leaderboard orders by.</summary>
public enum ScoreBasis
{
    /// <summary>Points: the sum over metrics of points times quantity.</summary>
    Points,
    /// <summary>The attainment score (<see cref="Attainment"/>).</summary>
    Attainment,
    /// <summary>The quantity of one metric.</summary>
    Metric,
}
