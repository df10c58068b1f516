using Npgsql;
using NpgsqlTypes;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Postgres;

namespace SalesCoach.Live.Storage.Connectors;

/// <summary>
/// The connectors' tables in PostgreSQL (deploy/sql/postgres/008_connectors.sql). Several servers share them: a
/// claim runs in a transaction under a per-connector advisory lock, so across the cluster one item at a time per
/// connector is leased; an expired lease is free again.
/// </summary>
public sealed class PostgresConnectorStore : IConnectorStore, IAsyncDisposable, IDisposable
{
    private const string ItemColumns = "id, connector, dedupe_key, payload, received_at, attempts, last_error";

    private readonly PostgresFeatureTables tables;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates the store; nothing connects before the first call.</summary>
    public PostgresConnectorStore(PostgresStorageOptions options, TimeProvider? timeProvider = null)
        : this(new PostgresDatabase(options), ownsDatabase: true, timeProvider)
    {
    }

    /// <summary>Creates the store on the process's shared database.</summary>
    public PostgresConnectorStore(PostgresDatabase database, TimeProvider? timeProvider = null)
        : this(database, ownsDatabase: false, timeProvider)
    {
    }

    private PostgresConnectorStore(PostgresDatabase database, bool ownsDatabase, TimeProvider? timeProvider)
    {
        tables = new PostgresFeatureTables(database, ownsDatabase, this);
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<bool> EnqueueAsync(string connector, string? dedupeKey, string payload, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO connector_inbox (connector, dedupe_key, payload, received_at, attempts, next_attempt_at)
            VALUES (@connector, @key, @payload, @now, 0, @now)
            ON CONFLICT (connector, dedupe_key) DO NOTHING
            """, connection);
        insert.Parameters.Add(new NpgsqlParameter<string>("connector", connector));
        insert.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = (object?)dedupeKey ?? DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter<string>("payload", payload));
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", Now()));
        return await insert.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public async Task<InboxItem?> ClaimAsync(string connector, string leaseOwner, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('connector_inbox:' || @connector))", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<string>("connector", connector));
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var now = Now();
        InboxItem? item = null;
        await using (var claim = new NpgsqlCommand($"""
            UPDATE connector_inbox SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1
            WHERE id = (
                SELECT id FROM connector_inbox
                WHERE connector = @connector AND done_at IS NULL AND next_attempt_at <= @now
                  AND NOT EXISTS (SELECT 1 FROM connector_inbox WHERE connector = @connector AND done_at IS NULL AND lease_until > @now)
                ORDER BY id LIMIT 1)
            RETURNING {ItemColumns}
            """, connection, transaction))
        {
            claim.Parameters.Add(new NpgsqlParameter<string>("connector", connector));
            claim.Parameters.Add(new NpgsqlParameter<string>("owner", leaseOwner));
            claim.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
            claim.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("until", now + lease));
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                item = new InboxItem(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return item;
    }

    /// <inheritdoc />
    public async Task<bool> CompleteAsync(long id, string leaseOwner, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var update = new NpgsqlCommand(
            "UPDATE connector_inbox SET done_at = @now, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner AND done_at IS NULL",
            connection);
        update.Parameters.Add(new NpgsqlParameter<long>("id", id));
        update.Parameters.Add(new NpgsqlParameter<string>("owner", leaseOwner));
        update.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", Now()));
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> RetryLaterAsync(long id, string leaseOwner, string error, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var update = new NpgsqlCommand("""
            UPDATE connector_inbox SET lease_owner = NULL, lease_until = NULL, last_error = @error, next_attempt_at = @next
            WHERE id = @id AND lease_owner = @owner AND done_at IS NULL
            """, connection);
        update.Parameters.Add(new NpgsqlParameter<long>("id", id));
        update.Parameters.Add(new NpgsqlParameter<string>("owner", leaseOwner));
        update.Parameters.Add(new NpgsqlParameter<string>("error", error));
        update.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("next", notBefore.ToUniversalTime()));
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public async Task SaveWaitingAsync(WaitingRecord record, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO connector_waiting (connector, activity_id, vendor_user_id, email, payload, stored_at)
            VALUES (@connector, @id, @user, @email, @payload, @now)
            ON CONFLICT (connector, activity_id) DO UPDATE SET
                vendor_user_id = EXCLUDED.vendor_user_id, email = EXCLUDED.email, payload = EXCLUDED.payload
            """, connection);
        upsert.Parameters.Add(new NpgsqlParameter<string>("connector", record.Connector));
        upsert.Parameters.Add(new NpgsqlParameter<string>("id", record.ActivityId));
        upsert.Parameters.Add(new NpgsqlParameter("user", NpgsqlDbType.Text) { Value = (object?)record.VendorUserId ?? DBNull.Value });
        upsert.Parameters.Add(new NpgsqlParameter("email", NpgsqlDbType.Text) { Value = (object?)record.Email ?? DBNull.Value });
        upsert.Parameters.Add(new NpgsqlParameter<string>("payload", record.Payload));
        upsert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", Now()));
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveWaitingAsync(string connector, string activityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var delete = new NpgsqlCommand("DELETE FROM connector_waiting WHERE connector = @connector AND activity_id = @id", connection);
        delete.Parameters.Add(new NpgsqlParameter<string>("connector", connector));
        delete.Parameters.Add(new NpgsqlParameter<string>("id", activityId));
        return await delete.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WaitingRecord>> ListWaitingAsync(string connector, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand(
            "SELECT connector, activity_id, vendor_user_id, email, payload, stored_at FROM connector_waiting WHERE connector = @connector ORDER BY stored_at, activity_id",
            connection);
        select.Parameters.Add(new NpgsqlParameter<string>("connector", connector));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var records = new List<WaitingRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new WaitingRecord(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return records;
    }

    /// <inheritdoc />
    public async Task<ConnectorState> GetStateAsync(string connector, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand(
            "SELECT sync_cursor, last_sync, last_error, last_error_at, failing_since FROM connector_state WHERE connector = @connector", connection);
        select.Parameters.Add(new NpgsqlParameter<string>("connector", connector));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ConnectorState(connector, reader.IsDBNull(0) ? null : reader.GetString(0), Time(reader, 1),
                reader.IsDBNull(2) ? null : reader.GetString(2), Time(reader, 3), Time(reader, 4))
            : ConnectorState.Empty(connector);
    }

    /// <inheritdoc />
    public async Task SaveStateAsync(ConnectorState state, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO connector_state (connector, sync_cursor, last_sync, last_error, last_error_at, failing_since)
            VALUES (@connector, @cursor, @sync, @error, @errorAt, @failing)
            ON CONFLICT (connector) DO UPDATE SET sync_cursor = EXCLUDED.sync_cursor, last_sync = EXCLUDED.last_sync,
                last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at, failing_since = EXCLUDED.failing_since
            """, connection);
        upsert.Parameters.Add(new NpgsqlParameter<string>("connector", state.Connector));
        upsert.Parameters.Add(new NpgsqlParameter("cursor", NpgsqlDbType.Text) { Value = (object?)state.SyncCursor ?? DBNull.Value });
        upsert.Parameters.Add(TimeParameter("sync", state.LastSyncAt));
        upsert.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)state.LastError ?? DBNull.Value });
        upsert.Parameters.Add(TimeParameter("errorAt", state.LastErrorAt));
        upsert.Parameters.Add(TimeParameter("failing", state.FailingSince));
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task LogAsync(string connector, int counted, string? error, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var insert = new NpgsqlCommand("INSERT INTO connector_log (connector, at, counted, error) VALUES (@connector, @now, @counted, @error)", connection);
        insert.Parameters.Add(new NpgsqlParameter<string>("connector", connector));
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", Now()));
        insert.Parameters.Add(new NpgsqlParameter<int>("counted", counted));
        insert.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)error ?? DBNull.Value });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ConnectorFigures> FiguresAsync(string connector, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand("""
            SELECT
                (SELECT coalesce(sum(counted), 0)::bigint FROM connector_log WHERE connector = @connector AND at >= @since),
                (SELECT count(*) FROM connector_log WHERE connector = @connector AND at >= @since AND error IS NOT NULL),
                (SELECT max(received_at) FROM connector_inbox WHERE connector = @connector),
                (SELECT count(*) FROM connector_inbox WHERE connector = @connector AND done_at IS NULL),
                (SELECT min(received_at) FROM connector_inbox WHERE connector = @connector AND done_at IS NULL)
            """, connection);
        select.Parameters.Add(new NpgsqlParameter<string>("connector", connector));
        select.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("since", since.ToUniversalTime()));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ConnectorFigures(reader.GetInt64(0), reader.GetInt64(1), Time(reader, 2), reader.GetInt64(3), Time(reader, 4));
    }

    /// <summary>Closes the data source's connections when the store made it.</summary>
    public ValueTask DisposeAsync() => tables.DisposeAsync();

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => tables.Dispose();

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static NpgsqlParameter TimeParameter(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = value is { } v ? v.ToUniversalTime() : DBNull.Value };

    private DateTimeOffset Now() => StoredTime.Truncate(timeProvider.GetUtcNow()).ToUniversalTime();
}
