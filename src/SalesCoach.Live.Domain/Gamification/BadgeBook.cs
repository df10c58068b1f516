using System.Globalization;
using SalesCoach.Live.Domain.Pacing;

namespace SalesCoach.Live.Domain.Gamification;

/// <summary>Applies a badge table to a context and awards what is earned and not yet awarded in its period.</summary>
public static class BadgeBook
{
    public static string KeyOf(string ruleId, string repId, string periodKey) => $"{ruleId}|{periodKey}|{repId}";

    /// <summary>The key of the period holding a local date: the date itself, or its ISO week.</summary>
    public static string PeriodKey(BadgePeriod period, DateOnly localDate) => period switch
    {
        BadgePeriod.Day => localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(localDate.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(localDate.ToDateTime(TimeOnly.MinValue)):00}"),
    };

    /// <summary>The badges <paramref name="context"/> earns that are not in <paramref name="awarded"/> (keys).</summary>
    public static IReadOnlyList<BadgeAward> Evaluate(IReadOnlyList<BadgeRule> rules, BadgeContext context, DateOnly localDate, IReadOnlySet<string> awarded)
    {
        var awards = new List<BadgeAward>();
        foreach (var rule in rules)
        {
            var periodKey = PeriodKey(rule.Period, localDate);
            if (awarded.Contains(KeyOf(rule.Id, context.RepId, periodKey)) || !IsEarned(rule, context))
            {
                continue;
            }

            awards.Add(new BadgeAward(rule.Id, rule.Name, context.RepId, periodKey, context.At));
        }

        return awards;
    }

    /// <summary>Whether the rule's test holds in the context (ignoring whether it was awarded before).</summary>
    public static bool IsEarned(BadgeRule rule, BadgeContext context) => rule.Kind switch
    {
        BadgeKind.FirstOfDay =>
            rule.Metric is { } metric && context.Metric == metric
            && Count(context.DayCounts, metric) > 0 && Count(context.TeamDayCountsBefore, metric) <= 0,
        BadgeKind.PersonalBestDay =>
            context.BestEarlierDayPoints > 0 && context.DayPoints > context.BestEarlierDayPoints,
        BadgeKind.GoalMetBefore =>
            context.LocalTime < (rule.Before ?? TimeSpan.FromHours(12)) && GoalsOf(rule, context).Any(g => g.Value > 0 && Count(context.DayCounts, g.Key) >= g.Value),
        BadgeKind.Comeback =>
            GoalsOf(rule, context).Any(g => context.AtRiskEarlierToday.Contains(g.Key)
                && context.DayStatus.TryGetValue(g.Key, out var status) && status is PaceStatus.OnPace or PaceStatus.Ahead),
        BadgeKind.WeekCountReached =>
            rule.Metric is { } metric && context.Metric == metric && Count(context.WeekCounts, metric) >= rule.Threshold,
        _ => false,
    };

    private static IEnumerable<KeyValuePair<string, double>> GoalsOf(BadgeRule rule, BadgeContext context) =>
        context.DayGoals.Where(g => rule.Metric is null || g.Key == rule.Metric);

    private static long Count(IReadOnlyDictionary<string, long> counts, string metric) => counts.TryGetValue(metric, out var count) ? count : 0;
}
