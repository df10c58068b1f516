using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Audit;
using SalesCoach.Live.Server.Coaching;
using SalesCoach.Live.Server.Views.Floor;

namespace SalesCoach.Live.Server.Views.Reps;

/// <summary>
/// A rep's file from the live grains (board row, badges) and the log (one read of the week through
/// <see cref="ScoreAudit"/>), and the coaching notes through <see cref="CoachingNoteBook"/>, as the API has them.
/// </summary>
public sealed class LoggedRepFile(Organization org, IGrainFactory grains, ScoreAudit audit, CoachingNoteBook notes, TimeProvider clock) : IRepFile
{
    /// <summary>Checkpoints of the day chart.</summary>
    public static readonly TimeSpan CurveStep = TimeSpan.FromMinutes(30);

    public async Task<RepDay?> DayAsync(string repId, CancellationToken cancellationToken = default)
    {
        if (org.FindRep(repId) is not { } rep)
        {
            return null;
        }

        var team = org.TeamOf(rep);
        var calendar = team.Calendar;
        var now = clock.GetUtcNow();
        var today = calendar.LocalDate(now);
        var monday = calendar.PeriodAt(GoalPeriod.Week, now).First;
        var rowTask = grains.GetGrain<ITeamGrain>(team.Id).GetRowAsync(rep.Id);
        var badgesTask = grains.GetGrain<ITeamGamificationGrain>(team.Id).GetRepBadgesAsync(rep.Id);
        var entries = await audit.ReadAsync(rep, calendar.At(monday, TimeSpan.Zero), now, cancellationToken);
        var row = await rowTask is { } found ? RepLine.From(found) : null;
        var badges = BadgeShelf.From(await badgesTask);

        var byDay = entries
            .Select(e => (Entry: e, At: DateTimeOffset.Parse(e.OccurredAt, System.Globalization.CultureInfo.InvariantCulture)))
            .Select(x => (x.Entry, x.At, Day: calendar.LocalDate(x.At)))
            .ToList();
        var week = new List<(DateOnly, IReadOnlyDictionary<string, int>)>();
        for (var day = monday; day <= today; day = day.AddDays(1))
        {
            var counts = byDay.Where(x => x.Day == day).GroupBy(x => x.Entry.Type)
                .ToDictionary(g => g.Key, g => g.Sum(x => x.Entry.Quantity), StringComparer.Ordinal);
            if (calendar.IsWorkingDay(day) || counts.Count > 0)
            {
                week.Add((day, counts));
            }
        }

        var goals = EffectiveGoals(team, rep);
        var curveGoal = goals.FirstOrDefault(g => g.Period == GoalPeriod.Day);
        var curveMetric = curveGoal?.Metric ?? org.Metrics.FirstOrDefault()?.Key;
        var curve = curveMetric is null
            ? []
            : DayCurve.Build(
                calendar,
                curveGoal?.Target,
                byDay.Where(x => x.Day == today && x.Entry.Type == curveMetric)
                    .Select(x => (x.At, x.Entry.Quantity)),
                now,
                CurveStep);
        return new RepDay(
            rep, team, row, byDay.Where(x => x.Day == today).Select(x => x.Entry).ToList(), week, curveMetric, curve, goals, badges,
            calendar.ToLocal(now));
    }

    public async Task<BadgeShelf?> BadgesAsync(string repId, CancellationToken cancellationToken = default)
    {
        if (org.FindRep(repId) is not { } rep)
        {
            return null;
        }

        var team = org.TeamOf(rep);
        return BadgeShelf.From(await grains.GetGrain<ITeamGamificationGrain>(team.Id).GetRepBadgesAsync(rep.Id));
    }

    public async Task<IReadOnlyList<NoteWithEffect>> NotesAsync(string repId, CancellationToken cancellationToken = default) =>
        await notes.ListAsync(repId, cancellationToken) ?? [];

    public Task<NoteOutcome> AddNoteAsync(string repId, CoachingNoteRequest request, string author) => notes.AddAsync(repId, request, author);

    /// <summary>The rep's goals: the team's, each replaced by the rep's own for the same metric and period.</summary>
    public static IReadOnlyList<Goal> EffectiveGoals(Team team, Rep rep) =>
        [
            .. team.Goals.Select(t => rep.Goals.FirstOrDefault(r => r.Metric == t.Metric && r.Period == t.Period) ?? t),
            .. rep.Goals.Where(r => !team.Goals.Any(t => t.Metric == r.Metric && t.Period == r.Period)),
        ];
}
