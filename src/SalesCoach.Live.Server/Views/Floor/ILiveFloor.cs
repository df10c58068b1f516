namespace SalesCoach.Live.Server.Views.Floor;

/// <summary>
/// What the manager and rep views read and do on the live floor: a team's board and coaching queue from its grain,
/// acknowledging a queue item, and the pushes of this node's relay. One seam, so component tests can drive the pages.
/// </summary>
public interface ILiveFloor
{
    /// <summary>
    /// Every push of this node's relay: (teamId, message name, the record): <c>delta</c> a
    /// <see cref="Abstractions.Boards.BoardDelta"/>, <c>coaching</c> an
    /// <see cref="IReadOnlyList{T}"/> of <see cref="Abstractions.Coaching.CoachingQueueItem"/>, <c>celebration</c> a
    /// <see cref="Abstractions.Teams.Celebration"/>, <c>moment</c> a <see cref="Abstractions.Gamification.TeamMoment"/>.
    /// </summary>
    event Action<string, string, object>? Pushed;

    /// <summary>The team's board now, from its grain.</summary>
    Task<LiveBoard> BoardAsync(string teamId);

    /// <summary>The team's live coaching queue, most urgent first.</summary>
    Task<IReadOnlyList<QueueItem>> QueueAsync(string teamId);

    /// <summary>Acknowledges a rep's queue item, optionally snoozed for some minutes. False when the rep has no item now.</summary>
    Task<bool> AcknowledgeAsync(string teamId, string repId, int? snoozeMinutes);
}
