using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Audit;
using SalesCoach.Live.Server.Views.Floor;

namespace SalesCoach.Live.Server.Views.Reps;

/// <summary>
/// Everything the drill-down shows of a rep's day and week: the live board row (pace per goal, day and week), today's
/// log entries (the timeline, which is also the audit of the score), the week's counts per day, the curve of actual
/// against expected for the chart, the goals and the badges.
/// </summary>
public sealed record RepDay(
    Rep Rep,
    Team Team,
    RepLine? Row,
    IReadOnlyList<AuditEntry> Today,
    IReadOnlyList<(DateOnly Day, IReadOnlyDictionary<string, int> Counts)> Week,
    string? CurveMetric,
    IReadOnlyList<CurvePoint> Curve,
    IReadOnlyList<Goal> Goals,
    BadgeShelf Badges,
    DateTimeOffset AsOf);
