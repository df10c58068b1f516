using SalesCoach.Live.Abstractions.Teams;

namespace SalesCoach.Live.Abstractions.Gamification;

/// <summary>
/// A team's streaks, badges and moments feed (key: team id). Fed one-way by the team grain with each rep's new
/// activities; answers reads as records (serialised to JSON only at the edges).
/// </summary>
public interface ITeamGamificationGrain : IGrainWithStringKey
{
    /// <summary>A rep's new activities (as the team grain received them). Activities already seen (by RepSeq) are ignored.</summary>
    [OneWay]
    Task RecordAsync(string repId, RecentActivity[] activities);

    /// <summary>
    /// Several reps' new activities at once (the team grain gathers them between two board flushes, so a busy team
    /// makes a few calls a second instead of one per rep update). Same rules as <see cref="RecordAsync"/>. Not one-way,
    /// so that a team grain going away can wait for its last hand-over; in normal flushes it does not wait.
    /// </summary>
    Task RecordManyAsync(RepActivities[] batch);

    /// <summary>Today's moments, oldest first.</summary>
    Task<MomentsFeed> GetMomentsAsync();

    /// <summary>A rep's badges and streak.</summary>
    Task<RepBadges> GetRepBadgesAsync(string repId);

    /// <summary>Posts a moment made elsewhere (a competition's winner) to the feed and the relays.</summary>
    Task AddMomentAsync(Moment moment);
}
