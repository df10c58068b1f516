namespace SalesCoach.Live.Storage.Activities;

/// <summary>
/// The durable, idempotent activity log: the source of truth every grain rebuilds from.
/// Implementations: SQLite (embedded default) and PostgreSQL.
/// </summary>
public interface IActivityLog
{
    /// <summary>
    /// Appends a batch. An activity whose <c>Id</c> was ever seen before (in this batch or any earlier one, across
    /// restarts) is a duplicate and is not stored again. When the returned task completes, every accepted activity
    /// is durable on disk.
    /// </summary>
    Task<AppendResult> AppendAsync(IReadOnlyList<ActivityToAppend> batch, CancellationToken cancellationToken = default);

    /// <summary>Activities of the given reps whose <c>OccurredAt</c> lies in [from, to], ordered by <c>Seq</c>.</summary>
    Task<IReadOnlyList<LoggedActivity>> ReadByOccurrenceAsync(
        IReadOnlyCollection<string> repIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Activities of one rep with <c>RepSeq</c> greater than <paramref name="afterRepSeq"/>, ordered by <c>RepSeq</c>.</summary>
    Task<IReadOnlyList<LoggedActivity>> ReadRepTailAsync(string repId, long afterRepSeq, CancellationToken cancellationToken = default);

    /// <summary>The activity with this id, or null when the log has none.</summary>
    Task<LoggedActivity?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The highest <c>RepSeq</c> of the rep, 0 when it has none.</summary>
    Task<long> GetRepSeqAsync(string repId, CancellationToken cancellationToken = default);

    /// <summary>True when the store answers a trivial query.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default);
}
