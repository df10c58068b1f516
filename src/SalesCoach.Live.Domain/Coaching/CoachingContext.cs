using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Coaching;

/// <summary>What every signal of one evaluation shares: the instant, the team's calendar, comparable days.</summary>
public sealed class CoachingContext
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<TimedActivity>> _history;
    private readonly IReadOnlySet<(string, string)> _flagged;
    private readonly Dictionary<string, IReadOnlyList<LocalActivity>> _local = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Attempts, long Outcomes)> _teamWeek = new(StringComparer.Ordinal);
    private IReadOnlyList<DateOnly>? _comparableDays;

    internal CoachingContext(Team team, IReadOnlyList<Metric> metrics, IReadOnlyDictionary<string, IReadOnlyList<TimedActivity>> history,
        DateTimeOffset at, CoachingSettings settings, IReadOnlySet<(string, string)> flagged)
    {
        Team = team;
        Metrics = metrics;
        _history = history;
        At = at;
        Settings = settings;
        _flagged = flagged;
        LocalTime = team.Calendar.ToLocal(at);
        Today = DateOnly.FromDateTime(LocalTime.DateTime);
        Week = PeriodRange.Containing(GoalPeriod.Week, Today);
    }

    public Team Team { get; }

    public IReadOnlyList<Metric> Metrics { get; }

    public DateTimeOffset At { get; }

    public DateTimeOffset LocalTime { get; }

    public DateOnly Today { get; }

    public PeriodRange Week { get; }

    public CoachingSettings Settings { get; }

    /// <summary>The last working days before today (holidays and days off skipped), newest first.</summary>
    public IReadOnlyList<DateOnly> ComparableDays => _comparableDays ??= FindComparableDays();

    public bool Flagged(string repId, string code) => _flagged.Contains((repId, code));

    public string NameOf(string metric) => Metrics.FirstOrDefault(m => m.Key == metric)?.Name ?? metric;

    /// <summary>A rep's activities in the team's local time, converted once per evaluation.</summary>
    public IReadOnlyList<LocalActivity> LocalHistory(string repId)
    {
        if (!_local.TryGetValue(repId, out var local))
        {
            local = (_history.GetValueOrDefault(repId) ?? [])
                .Where(a => a.OccurredAt <= At)
                .Select(a =>
                {
                    var time = Team.Calendar.ToLocal(a.OccurredAt);
                    return new LocalActivity(DateOnly.FromDateTime(time.DateTime), time.TimeOfDay, a.Metric, a.Quantity, a.OccurredAt);
                })
                .ToList();
            _local[repId] = local;
        }

        return local;
    }

    /// <summary>A rep's quantity of a metric in the ISO week so far.</summary>
    public long WeekCount(string repId, string metric) =>
        LocalHistory(repId).Where(a => a.Metric == metric && Week.Contains(a.Day)).Sum(a => (long)a.Quantity);

    /// <summary>Attempts and outcomes this week of everyone on the team but the rep.</summary>
    public (long Attempts, long Outcomes) RestOfTeamWeek(string repId, Metric outcome)
    {
        if (!_teamWeek.TryGetValue(outcome.Key, out var totals))
        {
            totals = _history.Keys.Aggregate((0L, 0L), (sum, rep) => (sum.Item1 + WeekCount(rep, outcome.OutcomeOf!), sum.Item2 + WeekCount(rep, outcome.Key)));
            _teamWeek[outcome.Key] = totals;
        }

        return (totals.Attempts - WeekCount(repId, outcome.OutcomeOf!), totals.Outcomes - WeekCount(repId, outcome.Key));
    }

    private List<DateOnly> FindComparableDays()
    {
        var days = new List<DateOnly>();
        for (var day = Today.AddDays(-1); days.Count < Settings.TrendDays && day > Today.AddDays(-21); day = day.AddDays(-1))
        {
            if (Team.Calendar.IsWorkingDay(day))
            {
                days.Add(day);
            }
        }

        return days;
    }
}
