using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Gamification;

/// <summary>
/// The contests a wallboard shows for a team: those running now (soonest end first), those that ended today (with their
/// winner, latest first), and those starting within <see cref="UpcomingWithin"/> (soonest first, so that a TV after hours
/// shows tomorrow's sprint), at most <see cref="MaxShown"/> in that order.
/// </summary>
public static class CompetitionShowcase
{
    /// <summary>More would not be readable from across the room.</summary>
    public const int MaxShown = 3;

    /// <summary>How far ahead an upcoming contest is shown.</summary>
    public static readonly TimeSpan UpcomingWithin = TimeSpan.FromDays(3);

    /// <summary>The contests, each as <c>GET /api/competitions/{id}</c> answers it.</summary>
    public static async Task<IReadOnlyList<ContestSnapshot>> ReadAsync(IGrainFactory grains, Team team, DateTimeOffset now)
    {
        var today = team.Calendar.LocalDate(now);
        var listings = await grains.GetGrain<ICompetitionDirectoryGrain>(team.Id).ListAsync();
        var shown = listings
            .Where(l => (l.Start <= now && now < l.End)
                || (l.Start > now && l.Start - now <= UpcomingWithin)
                || (l.End <= now && team.Calendar.LocalDate(l.End) == today))
            .OrderBy(l => l.End <= now ? 1 : l.Start > now ? 2 : 0)
            .ThenBy(l => l.End <= now ? now - l.End : l.Start > now ? l.Start - now : l.End - now)
            .ThenBy(l => l.Id, StringComparer.Ordinal)
            .Take(MaxShown)
            .ToList();

        var contests = await Task.WhenAll(shown.Select(l => grains.GetGrain<ICompetitionGrain>(l.Id).GetAsync()));
        return [.. contests.OfType<ContestSnapshot>()];
    }
}
