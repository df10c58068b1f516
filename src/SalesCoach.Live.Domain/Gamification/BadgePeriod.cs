namespace SalesCoach.Live.Domain.Gamification;

/// <summary>The period within which a rule awards a badge at most once.</summary>
public enum BadgePeriod
{
    Day,
    /// <summary>ISO week of the team's calendar.</summary>
    Week,
}
