namespace SalesCoach.Live.Domain.Org;

/// <summary>The contract's names of <see cref="GoalPeriod"/> values (<c>day</c>, <c>week</c>, <c>month</c>, <c>quarter</c>).</summary>
public static class GoalPeriodNames
{
    /// <summary>The name used in the org file and in every JSON answer.</summary>
    public static string ToName(this GoalPeriod period) => period switch
    {
        GoalPeriod.Day => "day",
        GoalPeriod.Week => "week",
        GoalPeriod.Month => "month",
        GoalPeriod.Quarter => "quarter",
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    /// <summary>Parses a contract name; false for anything else.</summary>
    public static bool TryParse(string? name, out GoalPeriod period)
    {
        switch (name)
        {
            case "day": period = GoalPeriod.Day; return true;
            case "week": period = GoalPeriod.Week; return true;
            case "month": period = GoalPeriod.Month; return true;
            case "quarter": period = GoalPeriod.Quarter; return true;
            default: period = default; return false;
        }
    }
}
