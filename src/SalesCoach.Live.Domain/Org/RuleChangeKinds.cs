namespace SalesCoach.Live.Domain.Org;

/// <summary>The kinds of <see cref="RuleChange"/>, as written in JSON.</summary>
public static class RuleChangeKinds
{
    public const string MetricAdded = "metricAdded";
    public const string MetricRemoved = "metricRemoved";
    public const string MetricName = "metricName";
    public const string Points = "points";
    public const string Celebrate = "celebrate";
    public const string OutcomeOf = "outcomeOf";
    public const string HasValue = "hasValue";
    public const string TeamAdded = "teamAdded";
    public const string TeamRemoved = "teamRemoved";
    public const string TeamName = "teamName";
    public const string TimeZone = "timeZone";
    public const string WorkingHours = "workingHours";
    public const string Holidays = "holidays";
    public const string TeamGoal = "teamGoal";
    public const string RepAdded = "repAdded";
    public const string RepRemoved = "repRemoved";
    public const string RepName = "repName";
    public const string RepEmail = "repEmail";
    public const string RepMoved = "repMoved";
    public const string Goal = "goal";
}
