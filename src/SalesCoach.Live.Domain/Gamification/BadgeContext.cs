using SalesCoach.Live.Domain.Pacing;

namespace SalesCoach.Live.Domain.Gamification;

/// <summary>
/// What the badge rules see for one rep at one instant (usually right after one of their activities).
/// Counts are after the activity; <see cref="TeamDayCountsBefore"/> is the team's count before it.
/// </summary>
/// <param name="Metric">The metric of the activity that triggered the evaluation; null on a clock tick.</param>
/// <param name="LocalTime">The time of day of <see cref="At"/> in the team's zone.</param>
/// <param name="BestEarlierDayPoints">The rep's best points on any earlier day, 0 when there is none.</param>
/// <param name="DayStatus">The day pace status per metric with a day goal, now.</param>
/// <param name="AtRiskEarlierToday">Metrics whose day pace was at risk at some earlier point today.</param>
public sealed record BadgeContext(
    string RepId,
    DateTimeOffset At,
    TimeSpan LocalTime,
    string? Metric,
    IReadOnlyDictionary<string, long> DayCounts,
    IReadOnlyDictionary<string, long> WeekCounts,
    IReadOnlyDictionary<string, long> TeamDayCountsBefore,
    long DayPoints,
    long BestEarlierDayPoints,
    IReadOnlyDictionary<string, double> DayGoals,
    IReadOnlyDictionary<string, PaceStatus> DayStatus,
    IReadOnlySet<string> AtRiskEarlierToday);
