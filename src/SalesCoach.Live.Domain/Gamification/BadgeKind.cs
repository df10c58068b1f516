namespace SalesCoach.Live.Domain.Gamification;

/// <summary>The tests a badge rule can apply; a rule's parameters (metric, threshold, hour) tune them.</summary>
public enum BadgeKind
{
    /// <summary>The first activity of <see cref="BadgeRule.Metric"/> on the team today (only one rep earns it).</summary>
    FirstOfDay,
    /// <summary>Today's points pass the rep's best earlier day (a rep with no earlier points cannot earn it).</summary>
    PersonalBestDay,
    /// <summary>A day goal met before <see cref="BadgeRule.Before"/> local time.</summary>
    GoalMetBefore,
    /// <summary>A day goal that was at risk earlier today is on pace or ahead again.</summary>
    Comeback,
    /// <summary>The week's count of <see cref="BadgeRule.Metric"/> reaches <see cref="BadgeRule.Threshold"/>.</summary>
    WeekCountReached,
}
