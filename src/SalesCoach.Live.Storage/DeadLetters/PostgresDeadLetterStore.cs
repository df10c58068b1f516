using System.Text;
using Npgsql;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Postgres;

namespace SalesCoach.Live.Storage.DeadLetters;

/// <summary>
/// The dead letters in PostgreSQL (the table of deploy/sql/postgres/006_dead_letters.sql, applied at first use with
/// the other scripts). Several servers may share it: adding is one upsert keyed by source and payload hash.
/// </summary>
public sealed class PostgresDeadLetterStore : IDeadLetterStore, IAsyncDisposable, IDisposable
{
    private const string Columns = "id, source, payload, reason, errors, received_at, last_received_at, attempts, replayed_at";

    private readonly PostgresFeatureTables tables;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates the store; nothing connects before the first call.</summary>
    public PostgresDeadLetterStore(PostgresStorageOptions options, TimeProvider? timeProvider = null)
        : this(new PostgresDatabase(options), ownsDatabase: true, timeProvider)
    {
    }

    /// <summary>Creates the store on the process's shared database; nothing connects before the first call.</summary>
    public PostgresDeadLetterStore(PostgresDatabase database, TimeProvider? timeProvider = null)
        : this(database, ownsDatabase: false, timeProvider)
    {
    }

    private PostgresDeadLetterStore(PostgresDatabase database, bool ownsDatabase, TimeProvider? timeProvider)
    {
        tables = new PostgresFeatureTables(database, ownsDatabase, this);
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<DeadLetter> AddAsync(NewDeadLetter letter, CancellationToken cancellationToken = default)
    {
        var stored = DeadLetterRules.Normalize(letter);
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var upsert = new NpgsqlCommand($"""
            INSERT INTO dead_letters (source, payload, payload_hash, reason, errors, received_at, last_received_at, attempts, replayed_at)
            VALUES (@source, @payload, @hash, @reason, @errors, @now, @now, 1, NULL)
            ON CONFLICT (source, payload_hash) DO UPDATE SET
                reason = EXCLUDED.reason, errors = EXCLUDED.errors, last_received_at = EXCLUDED.last_received_at,
                attempts = dead_letters.attempts + 1, replayed_at = NULL
            RETURNING {Columns}
            """, connection);
        upsert.Parameters.Add(new NpgsqlParameter<string>("source", stored.Source));
        upsert.Parameters.Add(new NpgsqlParameter<string>("payload", stored.Payload));
        upsert.Parameters.Add(new NpgsqlParameter<byte[]>("hash", DeadLetterRules.Hash(stored.Payload)));
        upsert.Parameters.Add(new NpgsqlParameter<string>("reason", stored.Reason));
        upsert.Parameters.Add(new NpgsqlParameter<string>("errors", stored.Errors));
        upsert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", Now()));
        return (await ReadAsync(upsert, cancellationToken)).Single();
    }

    /// <inheritdoc />
    public async Task<DeadLetter?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM dead_letters WHERE id = @id", connection);
        command.Parameters.Add(new NpgsqlParameter<long>("id", id));
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken = default)
    {
        DeadLetterRules.Check(query);
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM dead_letters WHERE true");
        if (query.Source is not null)
        {
            sql.Append(" AND source = @source");
            command.Parameters.Add(new NpgsqlParameter<string>("source", query.Source));
        }

        sql.Append(query.Status switch
        {
            DeadLetterStatus.Open => " AND replayed_at IS NULL",
            DeadLetterStatus.Replayed => " AND replayed_at IS NOT NULL",
            _ => "",
        });
        if (query.BeforeId is { } before)
        {
            sql.Append(" AND id < @before");
            command.Parameters.Add(new NpgsqlParameter<long>("before", before));
        }

        if (query.AfterId is { } after)
        {
            sql.Append(" AND id > @after");
            command.Parameters.Add(new NpgsqlParameter<long>("after", after));
        }

        sql.Append(query.OldestFirst ? " ORDER BY id ASC" : " ORDER BY id DESC").Append(" LIMIT @limit");
        command.Parameters.Add(new NpgsqlParameter<int>("limit", query.Limit));
        command.CommandText = sql.ToString();
        return await ReadAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> MarkReplayedAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var update = new NpgsqlCommand("UPDATE dead_letters SET replayed_at = @now WHERE id = @id", connection);
        update.Parameters.Add(new NpgsqlParameter<long>("id", id));
        update.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", Now()));
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> UpdateReasonAsync(long id, string reason, string errors, CancellationToken cancellationToken = default)
    {
        var stored = DeadLetterRules.Normalize(new NewDeadLetter("-", "", reason, errors));
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var update = new NpgsqlCommand(
            "UPDATE dead_letters SET reason = @reason, errors = @errors, replayed_at = NULL WHERE id = @id", connection);
        update.Parameters.Add(new NpgsqlParameter<long>("id", id));
        update.Parameters.Add(new NpgsqlParameter<string>("reason", stored.Reason));
        update.Parameters.Add(new NpgsqlParameter<string>("errors", stored.Errors));
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var delete = new NpgsqlCommand("DELETE FROM dead_letters WHERE id = @id", connection);
        delete.Parameters.Add(new NpgsqlParameter<long>("id", id));
        return await delete.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Closes the data source's connections.</summary>
    public ValueTask DisposeAsync() => tables.DisposeAsync();

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => tables.Dispose();

    private static async Task<List<DeadLetter>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(
                Id: reader.GetInt64(0),
                Source: reader.GetString(1),
                Payload: reader.GetString(2),
                Reason: reader.GetString(3),
                Errors: reader.GetString(4),
                ReceivedAt: reader.GetFieldValue<DateTimeOffset>(5),
                LastReceivedAt: reader.GetFieldValue<DateTimeOffset>(6),
                Attempts: reader.GetInt32(7),
                ReplayedAt: reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return letters;
    }

    private DateTimeOffset Now() => StoredTime.Truncate(timeProvider.GetUtcNow()).ToUniversalTime();
}
