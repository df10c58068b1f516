namespace SalesCoach.Live.Storage.DeadLetters;

/// <summary>
/// Webhook payloads that could not be taken, kept in the product's store beside the activity log (same SQLite file,
/// same PostgreSQL database, tables of their own). A payload is kept once per source: the same bytes sent again (a
/// sender's retry) count as another attempt of the same dead letter, and re-open it if it had been replayed.
/// </summary>
public interface IDeadLetterStore
{
    /// <summary>Keeps the payload, or counts another attempt of the same payload from the same source; returns the row.</summary>
    Task<DeadLetter> AddAsync(NewDeadLetter letter, CancellationToken cancellationToken = default);

    /// <summary>One dead letter, or null when there is none with that id.</summary>
    Task<DeadLetter?> FindAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>A page of dead letters (see <see cref="DeadLetterQuery"/>).</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken = default);

    /// <summary>Marks it replayed (every event taken); false when there is no such dead letter.</summary>
    Task<bool> MarkReplayedAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>A replay that still failed: the new reason and errors; it stays open. False when there is no such dead letter.</summary>
    Task<bool> UpdateReasonAsync(long id, string reason, string errors, CancellationToken cancellationToken = default);

    /// <summary>Forgets a dead letter; false when there was none with that id.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default);
}
