using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Domain.Calendar;
using SalesCoach.Live.Domain.Gamification;

namespace SalesCoach.Live.Grains.Gamification;

/// <summary>A contest's state and standings as the <see cref="ContestSnapshot"/> record (instants in the owning team's zone).</summary>
public static class ContestSnapshots
{
    public static ContestSnapshot From(CompetitionState s, CompetitionResult result, WorkingCalendar calendar)
    {
        var finish = s.Finish == "firstTo" ? ContestFinish.FirstTo : ContestFinish.Most;
        var status = s.Decided ? ContestStatus.Decided
            : result.AsOf >= s.End ? ContestStatus.Ending
            : result.AsOf < s.Start ? ContestStatus.Upcoming
            : ContestStatus.Running;
        return new ContestSnapshot(
            s.Id,
            s.Name,
            s.TeamId,
            s.Scope == "teams" ? ContestScope.Teams : ContestScope.Reps,
            s.By,
            finish,
            finish == ContestFinish.FirstTo ? s.Target : null,
            calendar.ToLocal(s.Start),
            calendar.ToLocal(s.End),
            new Dictionary<string, double>(s.Handicaps, StringComparer.Ordinal),
            calendar.ToLocal(result.AsOf),
            status,
            s.Decided ? s.WinnerId : null,
            [.. result.Standings.Select(st => new ContestStanding(
                st.Id, st.Name, st.Rank, Math.Round(st.Score, 4), st.ReachedAt is { } reached ? calendar.ToLocal(reached) : null))],
            // Rule changes while it ran (fairness: everyone can see what moved and who moved it), oldest first.
            [.. s.RuleChanges.Select(c => new ContestRuleChange(
                calendar.ToLocal(c.At), c.By, [.. c.Changes.Select(i => new ContestFieldChange(i.Field, i.From, i.To))]))]);
    }
}
