using SalesCoach.Live.Abstractions.Boards;
using SalesCoach.Live.Abstractions.Coaching;

namespace SalesCoach.Live.Abstractions.Teams;

/// <summary>
/// A team's live board, keyed by team id: ranks by the day's score, team totals, and a <c>version</c> that grows at
/// every change. Changes are pushed as coalesced deltas (at most one every 250 ms) to every node's relay.
/// </summary>
public interface ITeamGrain : IGrainWithStringKey
{
    /// <summary>A rep's day totals changed.</summary>
    Task UpdateRepAsync(RepTallyUpdate update);

    /// <summary>Pushes a celebration to every node.</summary>
    Task CelebrateAsync(Celebration celebration);

    /// <summary>The current board, brought up to the clock first.</summary>
    Task<BoardSnapshot> GetSnapshotAsync();

    /// <summary>The live coaching queue (contract section 7), most urgent first, brought up to the clock first.</summary>
    Task<IReadOnlyList<CoachingQueueItem>> GetCoachingAsync();

    /// <summary>
    /// A manager has seen a rep's item: it stays out of the queue until it gets worse (a higher priority or a new
    /// reason), or, when <paramref name="snoozeUntil"/> is given, until then as well. False when the rep has no item.
    /// </summary>
    Task<bool> AcknowledgeAsync(string repId, DateTimeOffset? snoozeUntil);

    /// <summary>One rep's current board row, or null for a rep not on this team.</summary>
    Task<RepRow?> GetRowAsync(string repId);
}
