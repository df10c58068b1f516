namespace SalesCoach.Live.Domain.Pacing;

/// <summary>Where a rep or team stands against a goal. JSON names are camel case (<c>onPace</c>).</summary>
public enum PaceStatus
{
    /// <summary>Nothing is expected yet (before the first working minute of the period).</summary>
    NotStarted,
    AtRisk,
    Behind,
    OnPace,
    Ahead,
    /// <summary>An extension of the contract: the metric is shown for its count, but no goal applies.</summary>
    NoGoal,
}
