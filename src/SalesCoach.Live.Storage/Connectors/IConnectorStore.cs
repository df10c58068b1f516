namespace SalesCoach.Live.Storage.Connectors;

/// <summary>A verified webhook notification waiting in a connector's durable inbox.</summary>
/// <param name="Attempts">How often it was claimed (this claim included).</param>
public sealed record InboxItem(long Id, string Connector, string? DedupeKey, string Payload, DateTimeOffset ReceivedAt, int Attempts, string? LastError);

/// <summary>A qualifying vendor record whose user matches no rep; <paramref name="Payload"/> is the connector's own
/// JSON of the record (what it needs to count it once the user is mapped).</summary>
public sealed record WaitingRecord(string Connector, string ActivityId, string? VendorUserId, string? Email, string Payload, DateTimeOffset StoredAt);

/// <summary>One connector's stored state: the sync cursor, the last sync, the last error and the failing streak.</summary>
public sealed record ConnectorState(
    string Connector,
    string? SyncCursor,
    DateTimeOffset? LastSyncAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? FailingSince)
{
    public static ConnectorState Empty(string connector) => new(connector, null, null, null, null, null);
}

/// <summary>A connector's figures over a window (the status's <c>counted24h</c>, <c>errors24h</c>, <c>lastEventAt</c>).</summary>
/// <param name="Pending">Inbox items not yet processed.</param>
/// <param name="OldestPendingAt">When the oldest of those arrived (the lag), or null.</param>
public sealed record ConnectorFigures(long Counted, long Errors, DateTimeOffset? LastEventAt, long Pending, DateTimeOffset? OldestPendingAt);

/// <summary>
/// The connectors' durable tables in the store (SQLite or PostgreSQL): the inbox of verified notifications, processed
/// one at a time per connector across a cluster by leases that expire; the records waiting for a vendor user to be
/// mapped; each connector's state; a log of what was counted and what failed. Times come from the store's clock.
/// </summary>
public interface IConnectorStore
{
    /// <summary>Stores a notification; false (and nothing stored) when <paramref name="dedupeKey"/> is already there for
    /// the connector.</summary>
    Task<bool> EnqueueAsync(string connector, string? dedupeKey, string payload, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the connector's oldest due item for <paramref name="lease"/>, unless another item of the connector is
    /// under a live lease (one at a time per connector, across processes). Null when there is nothing to do now.
    /// </summary>
    Task<InboxItem?> ClaimAsync(string connector, string leaseOwner, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed item done; false when the lease was lost (another owner took it after it expired).</summary>
    Task<bool> CompleteAsync(long id, string leaseOwner, CancellationToken cancellationToken = default);

    /// <summary>Releases a claimed item to be tried again at <paramref name="notBefore"/>, keeping the error.</summary>
    Task<bool> RetryLaterAsync(long id, string leaseOwner, string error, DateTimeOffset notBefore, CancellationToken cancellationToken = default);

    /// <summary>Keeps (or replaces) a waiting record.</summary>
    Task SaveWaitingAsync(WaitingRecord record, CancellationToken cancellationToken = default);

    /// <summary>Forgets a waiting record (it counted, or stopped qualifying); false when there was none.</summary>
    Task<bool> RemoveWaitingAsync(string connector, string activityId, CancellationToken cancellationToken = default);

    /// <summary>The connector's waiting records, oldest first.</summary>
    Task<IReadOnlyList<WaitingRecord>> ListWaitingAsync(string connector, CancellationToken cancellationToken = default);

    /// <summary>The connector's state (<see cref="ConnectorState.Empty"/> when none is stored).</summary>
    Task<ConnectorState> GetStateAsync(string connector, CancellationToken cancellationToken = default);

    /// <summary>Stores the connector's state.</summary>
    Task SaveStateAsync(ConnectorState state, CancellationToken cancellationToken = default);

    /// <summary>Records a run: how many activities it counted, or its error.</summary>
    Task LogAsync(string connector, int counted, string? error, CancellationToken cancellationToken = default);

    /// <summary>The connector's figures since <paramref name="since"/> (counted, errors) and its inbox (last event, pending).</summary>
    Task<ConnectorFigures> FiguresAsync(string connector, DateTimeOffset since, CancellationToken cancellationToken = default);
}
