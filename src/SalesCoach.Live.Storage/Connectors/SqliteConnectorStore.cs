using Microsoft.Data.Sqlite;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Sqlite;
using static SalesCoach.Live.Storage.Sqlite.SqliteFeatureTables;

namespace SalesCoach.Live.Storage.Connectors;

/// <summary>
/// The connectors' tables in the embedded SQLite file beside the activity log. Every write (a claim included) is an
/// IMMEDIATE transaction, so two processes on one file claim one item at a time per connector.
/// </summary>
public sealed class SqliteConnectorStore : IConnectorStore, IAsyncDisposable, IDisposable
{
    private const string ItemColumns = "id, connector, dedupe_key, payload, received_at_us, attempts, last_error";

    private readonly SqliteFeatureTables tables;
    private readonly TimeProvider timeProvider;

    /// <summary>Opens (lazily) the store in <see cref="SqliteStorageOptions.Path"/>.</summary>
    public SqliteConnectorStore(SqliteStorageOptions options, TimeProvider? timeProvider = null)
    {
        tables = new SqliteFeatureTables(options, this, timeProvider);
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task<bool> EnqueueAsync(string connector, string? dedupeKey, string payload, CancellationToken cancellationToken = default) =>
        tables.WriteAsync((connection, transaction) =>
        {
            using var insert = Command(connection, """
                INSERT INTO connector_inbox (connector, dedupe_key, payload, received_at_us, attempts, next_attempt_us)
                VALUES ($connector, $key, $payload, $now, 0, $now)
                ON CONFLICT (connector, dedupe_key) DO NOTHING
                """, transaction);
            insert.Parameters.AddWithValue("$connector", connector);
            insert.Parameters.AddWithValue("$key", (object?)dedupeKey ?? DBNull.Value);
            insert.Parameters.AddWithValue("$payload", payload);
            insert.Parameters.AddWithValue("$now", Now());
            return insert.ExecuteNonQuery() > 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<InboxItem?> ClaimAsync(string connector, string leaseOwner, TimeSpan lease, CancellationToken cancellationToken = default) =>
        tables.WriteAsync((connection, transaction) =>
        {
            var now = Now();
            using var claim = Command(connection, $"""
                UPDATE connector_inbox SET lease_owner = $owner, lease_until_us = $until, attempts = attempts + 1
                WHERE id = (
                    SELECT id FROM connector_inbox
                    WHERE connector = $connector AND done_at_us IS NULL AND next_attempt_us <= $now
                      AND NOT EXISTS (SELECT 1 FROM connector_inbox WHERE connector = $connector AND done_at_us IS NULL AND lease_until_us > $now)
                    ORDER BY id LIMIT 1)
                RETURNING {ItemColumns}
                """, transaction);
            claim.Parameters.AddWithValue("$connector", connector);
            claim.Parameters.AddWithValue("$owner", leaseOwner);
            claim.Parameters.AddWithValue("$now", now);
            claim.Parameters.AddWithValue("$until", now + (long)lease.TotalMicroseconds);
            using var reader = claim.ExecuteReader();
            return reader.Read()
                ? new InboxItem(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                    StoredTime.FromUnixMicroseconds(reader.GetInt64(4), 0), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6))
                : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> CompleteAsync(long id, string leaseOwner, CancellationToken cancellationToken = default) =>
        tables.WriteAsync((connection, transaction) =>
        {
            using var update = Command(connection,
                "UPDATE connector_inbox SET done_at_us = $now, lease_owner = NULL, lease_until_us = NULL WHERE id = $id AND lease_owner = $owner AND done_at_us IS NULL",
                transaction);
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$owner", leaseOwner);
            update.Parameters.AddWithValue("$now", Now());
            return update.ExecuteNonQuery() > 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RetryLaterAsync(long id, string leaseOwner, string error, DateTimeOffset notBefore, CancellationToken cancellationToken = default) =>
        tables.WriteAsync((connection, transaction) =>
        {
            using var update = Command(connection, """
                UPDATE connector_inbox SET lease_owner = NULL, lease_until_us = NULL, last_error = $error, next_attempt_us = $next
                WHERE id = $id AND lease_owner = $owner AND done_at_us IS NULL
                """, transaction);
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$owner", leaseOwner);
            update.Parameters.AddWithValue("$error", error);
            update.Parameters.AddWithValue("$next", StoredTime.ToUnixMicrosecondsCeiling(notBefore));
            return update.ExecuteNonQuery() > 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task SaveWaitingAsync(WaitingRecord record, CancellationToken cancellationToken = default) =>
        tables.WriteAsync((connection, transaction) =>
        {
            using var upsert = Command(connection, """
                INSERT INTO connector_waiting (connector, activity_id, vendor_user_id, email, payload, stored_at_us)
                VALUES ($connector, $id, $user, $email, $payload, $now)
                ON CONFLICT (connector, activity_id) DO UPDATE SET
                    vendor_user_id = excluded.vendor_user_id, email = excluded.email, payload = excluded.payload
                """, transaction);
            upsert.Parameters.AddWithValue("$connector", record.Connector);
            upsert.Parameters.AddWithValue("$id", record.ActivityId);
            upsert.Parameters.AddWithValue("$user", (object?)record.VendorUserId ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$email", (object?)record.Email ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$payload", record.Payload);
            upsert.Parameters.AddWithValue("$now", Now());
            return upsert.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveWaitingAsync(string connector, string activityId, CancellationToken cancellationToken = default) =>
        tables.WriteAsync((connection, transaction) =>
        {
            using var delete = Command(connection, "DELETE FROM connector_waiting WHERE connector = $connector AND activity_id = $id", transaction);
            delete.Parameters.AddWithValue("$connector", connector);
            delete.Parameters.AddWithValue("$id", activityId);
            return delete.ExecuteNonQuery() > 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WaitingRecord>> ListWaitingAsync(string connector, CancellationToken cancellationToken = default) =>
        tables.ReadAsync<IReadOnlyList<WaitingRecord>>(connection =>
        {
            using var select = Command(connection,
                "SELECT connector, activity_id, vendor_user_id, email, payload, stored_at_us FROM connector_waiting WHERE connector = $connector ORDER BY stored_at_us, activity_id");
            select.Parameters.AddWithValue("$connector", connector);
            using var reader = select.ExecuteReader();
            var records = new List<WaitingRecord>();
            while (reader.Read())
            {
                records.Add(new WaitingRecord(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), StoredTime.FromUnixMicroseconds(reader.GetInt64(5), 0)));
            }

            return records;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ConnectorState> GetStateAsync(string connector, CancellationToken cancellationToken = default) =>
        tables.ReadAsync(connection =>
        {
            using var select = Command(connection,
                "SELECT sync_cursor, last_sync_us, last_error, last_error_us, failing_since_us FROM connector_state WHERE connector = $connector");
            select.Parameters.AddWithValue("$connector", connector);
            using var reader = select.ExecuteReader();
            return reader.Read()
                ? new ConnectorState(connector, reader.IsDBNull(0) ? null : reader.GetString(0), Time(reader, 1),
                    reader.IsDBNull(2) ? null : reader.GetString(2), Time(reader, 3), Time(reader, 4))
                : ConnectorState.Empty(connector);
        }, cancellationToken);

    /// <inheritdoc />
    public Task SaveStateAsync(ConnectorState state, CancellationToken cancellationToken = default) =>
        tables.WriteAsync((connection, transaction) =>
        {
            using var upsert = Command(connection, """
                INSERT INTO connector_state (connector, sync_cursor, last_sync_us, last_error, last_error_us, failing_since_us)
                VALUES ($connector, $cursor, $sync, $error, $errorAt, $failing)
                ON CONFLICT (connector) DO UPDATE SET sync_cursor = excluded.sync_cursor, last_sync_us = excluded.last_sync_us,
                    last_error = excluded.last_error, last_error_us = excluded.last_error_us, failing_since_us = excluded.failing_since_us
                """, transaction);
            upsert.Parameters.AddWithValue("$connector", state.Connector);
            upsert.Parameters.AddWithValue("$cursor", (object?)state.SyncCursor ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$sync", Micros(state.LastSyncAt));
            upsert.Parameters.AddWithValue("$error", (object?)state.LastError ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$errorAt", Micros(state.LastErrorAt));
            upsert.Parameters.AddWithValue("$failing", Micros(state.FailingSince));
            return upsert.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public Task LogAsync(string connector, int counted, string? error, CancellationToken cancellationToken = default) =>
        tables.WriteAsync((connection, transaction) =>
        {
            using var insert = Command(connection, "INSERT INTO connector_log (connector, at_us, counted, error) VALUES ($connector, $now, $counted, $error)", transaction);
            insert.Parameters.AddWithValue("$connector", connector);
            insert.Parameters.AddWithValue("$now", Now());
            insert.Parameters.AddWithValue("$counted", counted);
            insert.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
            return insert.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ConnectorFigures> FiguresAsync(string connector, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        tables.ReadAsync(connection =>
        {
            using var select = Command(connection, """
                SELECT
                    (SELECT coalesce(sum(counted), 0) FROM connector_log WHERE connector = $connector AND at_us >= $since),
                    (SELECT count(*) FROM connector_log WHERE connector = $connector AND at_us >= $since AND error IS NOT NULL),
                    (SELECT max(received_at_us) FROM connector_inbox WHERE connector = $connector),
                    (SELECT count(*) FROM connector_inbox WHERE connector = $connector AND done_at_us IS NULL),
                    (SELECT min(received_at_us) FROM connector_inbox WHERE connector = $connector AND done_at_us IS NULL)
                """);
            select.Parameters.AddWithValue("$connector", connector);
            select.Parameters.AddWithValue("$since", StoredTime.ToUnixMicrosecondsFloor(since));
            using var reader = select.ExecuteReader();
            reader.Read();
            return new ConnectorFigures(reader.GetInt64(0), reader.GetInt64(1), Time(reader, 2), reader.GetInt64(3), Time(reader, 4));
        }, cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => tables.Dispose();

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : StoredTime.FromUnixMicroseconds(reader.GetInt64(ordinal), 0);

    private static object Micros(DateTimeOffset? value) =>
        value is { } v ? StoredTime.ToUnixMicrosecondsFloor(v) : DBNull.Value;

    private long Now() => StoredTime.ToUnixMicrosecondsFloor(timeProvider.GetUtcNow());
}
