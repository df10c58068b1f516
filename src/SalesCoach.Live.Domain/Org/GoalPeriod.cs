namespace SalesCoach.Live.Domain.Org;

/// <summary>The span a goal covers, in the team's time zone. Declared shortest first.</summary>
public enum GoalPeriod
{
    Day = 0,
    /// <summary>ISO week, Monday first.</summary>
    Week = 1,
    Month = 2,
    /// <summary>Calendar quarter.</summary>
    Quarter = 3,
}
