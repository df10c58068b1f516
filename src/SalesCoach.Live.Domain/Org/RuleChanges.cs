using System.Globalization;
using SalesCoach.Live.Domain.Calendar;

namespace SalesCoach.Live.Domain.Org;

/// <summary>
/// What changed between two revisions of the org, rule by rule: the entries the audit lists as "rule changes" beside
/// activities and voids. Goals are compared as each rep's effective goals (team defaults with the rep's overrides), so a
/// team default that changes shows once per rep it reaches, and not for a rep whose own override still applies.
/// </summary>
public static class RuleChanges
{
    private static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Every rule that differs from <paramref name="before"/> to <paramref name="after"/>, metrics first, then teams, then reps.</summary>
    public static IReadOnlyList<RuleChange> Between(Organization before, Organization after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<RuleChange>();
        Metrics(before, after, changes);
        Teams(before, after, changes);
        Reps(before, after, changes);
        return changes;
    }

    private static void Metrics(Organization before, Organization after, List<RuleChange> changes)
    {
        foreach (var old in before.Metrics.Where(m => after.FindMetric(m.Key) is null))
        {
            changes.Add(new(RuleChangeKinds.MetricRemoved, null, null, old.Key, old.Name, null, $"Metric {old.Name} removed"));
        }

        foreach (var metric in after.Metrics)
        {
            if (before.FindMetric(metric.Key) is not { } old)
            {
                changes.Add(new(RuleChangeKinds.MetricAdded, null, null, metric.Key, null, metric.Name, $"Metric {metric.Name} added ({metric.Points} points)"));
                continue;
            }

            Compare(changes, RuleChangeKinds.MetricName, null, null, metric.Key, old.Name, metric.Name, (a, b) => $"Metric {a} renamed {b}");
            Compare(changes, RuleChangeKinds.Points, null, null, metric.Key, Number(old.Points), Number(metric.Points), (a, b) => $"Points of {metric.Name} {a} → {b}");
            Compare(changes, RuleChangeKinds.Celebrate, null, null, metric.Key, Flag(old.Celebrate), Flag(metric.Celebrate), (a, b) => $"Celebrate {metric.Name} {a} → {b}");
            Compare(changes, RuleChangeKinds.HasValue, null, null, metric.Key, Flag(old.HasValue), Flag(metric.HasValue), (a, b) => $"{metric.Name} carries a value {a} → {b}");
            Compare(changes, RuleChangeKinds.OutcomeOf, null, null, metric.Key, old.OutcomeOf ?? "none", metric.OutcomeOf ?? "none", (a, b) => $"{metric.Name} is the outcome of {a} → {b}");
        }
    }

    private static void Teams(Organization before, Organization after, List<RuleChange> changes)
    {
        foreach (var old in before.Teams.Where(t => after.FindTeam(t.Id) is null))
        {
            changes.Add(new(RuleChangeKinds.TeamRemoved, old.Id, null, null, old.Name, null, $"Team {old.Name} removed"));
        }

        foreach (var team in after.Teams)
        {
            if (before.FindTeam(team.Id) is not { } old)
            {
                changes.Add(new(RuleChangeKinds.TeamAdded, team.Id, null, null, null, team.Name, $"Team {team.Name} added"));
                continue;
            }

            Compare(changes, RuleChangeKinds.TeamName, team.Id, null, null, old.Name, team.Name, (a, b) => $"Team {a} renamed {b}");
            Compare(changes, RuleChangeKinds.TimeZone, team.Id, null, null, old.Calendar.Zone.Id, team.Calendar.Zone.Id, (a, b) => $"Time zone of {team.Name} {a} → {b}");
            Compare(changes, RuleChangeKinds.WorkingHours, team.Id, null, null, Hours(old.Calendar), Hours(team.Calendar), (a, b) => $"Working hours of {team.Name} {a} → {b}");
            var added = team.Calendar.Holidays.Except(old.Calendar.Holidays).Order().ToList();
            var removed = old.Calendar.Holidays.Except(team.Calendar.Holidays).Order().ToList();
            if (added.Count > 0 || removed.Count > 0)
            {
                var words = string.Join("; ", new[]
                {
                    added.Count > 0 ? "added " + Dates(added) : null,
                    removed.Count > 0 ? "removed " + Dates(removed) : null,
                }.Where(w => w is not null));
                changes.Add(new(RuleChangeKinds.Holidays, team.Id, null, null, Dates(old.Calendar.Holidays.Order()), Dates(team.Calendar.Holidays.Order()), $"Holidays of {team.Name}: {words}"));
            }

            Goals(old.Goals, team.Goals, RuleChangeKinds.TeamGoal, team.Id, null, after, $"Team goal of {team.Name} for", changes);
        }
    }

    private static void Reps(Organization before, Organization after, List<RuleChange> changes)
    {
        foreach (var old in before.Teams.SelectMany(t => t.Reps).Where(r => after.FindRep(r.Id) is null))
        {
            changes.Add(new(RuleChangeKinds.RepRemoved, old.TeamId, old.Id, null, old.Name, null, $"{old.Name} removed from team {before.FindTeam(old.TeamId)?.Name ?? old.TeamId}"));
        }

        foreach (var rep in after.Teams.SelectMany(t => t.Reps))
        {
            var team = after.FindTeam(rep.TeamId)!;
            if (before.FindRep(rep.Id) is not { } old)
            {
                changes.Add(new(RuleChangeKinds.RepAdded, rep.TeamId, rep.Id, null, null, rep.Name, $"{rep.Name} added to team {team.Name}"));
                continue;
            }

            Compare(changes, RuleChangeKinds.RepName, rep.TeamId, rep.Id, null, old.Name, rep.Name, (a, b) => $"Rep {a} renamed {b}");
            if (!string.Equals(old.Email, rep.Email, StringComparison.Ordinal))
            {
                changes.Add(new(RuleChangeKinds.RepEmail, rep.TeamId, rep.Id, null, old.Email, rep.Email, $"E-mail of {rep.Name} {old.Email ?? "(none)"} → {rep.Email ?? "(none)"}"));
            }

            Compare(changes, RuleChangeKinds.RepMoved, rep.TeamId, rep.Id, null, old.TeamId, rep.TeamId,
                (_, _) => $"{rep.Name} moved from team {before.FindTeam(old.TeamId)?.Name ?? old.TeamId} to team {team.Name}");
            Goals(old.Goals, rep.Goals, RuleChangeKinds.Goal, rep.TeamId, rep.Id, after, $"Goal of {rep.Name} for", changes);
        }
    }

    private static void Goals(
        IReadOnlyList<Goal> before, IReadOnlyList<Goal> after, string kind, string teamId, string? repId, Organization org, string prefix, List<RuleChange> changes)
    {
        var keys = before.Concat(after).Select(g => (g.Metric, g.Period)).Distinct()
            .OrderBy(k => k.Metric, StringComparer.Ordinal).ThenBy(k => k.Period);
        foreach (var (metric, period) in keys)
        {
            var old = before.FirstOrDefault(g => g.Metric == metric && g.Period == period)?.Target;
            var next = after.FirstOrDefault(g => g.Metric == metric && g.Period == period)?.Target;
            if (old == next)
            {
                continue;
            }

            var name = org.FindMetric(metric)?.Name ?? metric;
            var from = old is { } o ? Number(o) : null;
            var to = next is { } n ? Number(n) : null;
            changes.Add(new(kind, teamId, repId, metric, from, to, $"{prefix} {name} per {period.ToName()} {from ?? "none"} → {to ?? "none"}"));
        }
    }

    private static void Compare(
        List<RuleChange> changes, string kind, string? teamId, string? repId, string? metric, string before, string after, Func<string, string, string> text)
    {
        if (before != after)
        {
            changes.Add(new(kind, teamId, repId, metric, before, after, text(before, after)));
        }
    }

    private static string Hours(WorkingCalendar calendar)
    {
        var days = string.Join(",", WeekOrder.Where(calendar.Days.Contains).Select(d => d.ToString()[..3]));
        return $"{days} {Clock(calendar.DayStart)}-{Clock(calendar.DayEnd)}";
    }

    private static string Clock(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}";

    private static string Dates(IEnumerable<DateOnly> dates)
    {
        var list = dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "yes" : "no";
}
