using System.Text;
using Microsoft.Data.Sqlite;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Sqlite;
using static SalesCoach.Live.Storage.Sqlite.SqliteFeatureTables;

namespace SalesCoach.Live.Storage.DeadLetters;

/// <summary>
/// The dead letters in the embedded SQLite file, beside the activity log (a table of its own, created at first use).
/// Writes are short transactions of their own; SQLite's busy handling lets them wait for the log's writer.
/// </summary>
public sealed class SqliteDeadLetterStore : IDeadLetterStore, IAsyncDisposable, IDisposable
{

    private const string Columns = "id, source, payload, reason, errors, received_at_us, last_received_at_us, attempts, replayed_at_us";

    private readonly TimeProvider timeProvider;
    private readonly SqliteFeatureTables tables;

    /// <summary>Opens (lazily: nothing touches the disk before the first call) the store in <see cref="SqliteStorageOptions.Path"/>.</summary>
    public SqliteDeadLetterStore(SqliteStorageOptions options, TimeProvider? timeProvider = null)
    {
        tables = new SqliteFeatureTables(options, this, timeProvider);
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath => tables.FilePath;

    /// <inheritdoc />
    public Task<DeadLetter> AddAsync(NewDeadLetter letter, CancellationToken cancellationToken = default)
    {
        var stored = DeadLetterRules.Normalize(letter);
        return WriteAsync((connection, transaction) =>
        {
            var now = Now();
            using var upsert = Command(connection, $"""
                INSERT INTO dead_letters (source, payload, payload_hash, reason, errors, received_at_us, last_received_at_us, attempts, replayed_at_us)
                VALUES ($source, $payload, $hash, $reason, $errors, $now, $now, 1, NULL)
                ON CONFLICT (source, payload_hash) DO UPDATE SET
                    reason = excluded.reason, errors = excluded.errors, last_received_at_us = excluded.last_received_at_us,
                    attempts = dead_letters.attempts + 1, replayed_at_us = NULL
                RETURNING {Columns}
                """, transaction);
            upsert.Parameters.AddWithValue("$source", stored.Source);
            upsert.Parameters.AddWithValue("$payload", stored.Payload);
            upsert.Parameters.AddWithValue("$hash", DeadLetterRules.Hash(stored.Payload));
            upsert.Parameters.AddWithValue("$reason", stored.Reason);
            upsert.Parameters.AddWithValue("$errors", stored.Errors);
            upsert.Parameters.AddWithValue("$now", now);
            return Read(upsert).Single();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DeadLetter?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        ReadAsync(connection =>
        {
            using var command = Command(connection, $"SELECT {Columns} FROM dead_letters WHERE id = $id");
            command.Parameters.AddWithValue("$id", id);
            return Read(command).SingleOrDefault();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DeadLetter>> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken = default)
    {
        DeadLetterRules.Check(query);
        return ReadAsync<IReadOnlyList<DeadLetter>>(connection =>
        {
            var sql = new StringBuilder($"SELECT {Columns} FROM dead_letters WHERE 1 = 1");
            using var command = connection.CreateCommand();
            if (query.Source is not null)
            {
                sql.Append(" AND source = $source");
                command.Parameters.AddWithValue("$source", query.Source);
            }

            sql.Append(query.Status switch
            {
                DeadLetterStatus.Open => " AND replayed_at_us IS NULL",
                DeadLetterStatus.Replayed => " AND replayed_at_us IS NOT NULL",
                _ => "",
            });
            if (query.BeforeId is { } before)
            {
                sql.Append(" AND id < $before");
                command.Parameters.AddWithValue("$before", before);
            }

            if (query.AfterId is { } after)
            {
                sql.Append(" AND id > $after");
                command.Parameters.AddWithValue("$after", after);
            }

            sql.Append(query.OldestFirst ? " ORDER BY id ASC" : " ORDER BY id DESC").Append(" LIMIT $limit");
            command.Parameters.AddWithValue("$limit", query.Limit);
            command.CommandText = sql.ToString();
            return Read(command);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> MarkReplayedAsync(long id, CancellationToken cancellationToken = default) =>
        WriteAsync((connection, transaction) =>
        {
            using var update = Command(connection, "UPDATE dead_letters SET replayed_at_us = $now WHERE id = $id", transaction);
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$now", Now());
            return update.ExecuteNonQuery() > 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> UpdateReasonAsync(long id, string reason, string errors, CancellationToken cancellationToken = default)
    {
        var stored = DeadLetterRules.Normalize(new NewDeadLetter("-", "", reason, errors));
        return WriteAsync((connection, transaction) =>
        {
            using var update = Command(connection, "UPDATE dead_letters SET reason = $reason, errors = $errors, replayed_at_us = NULL WHERE id = $id", transaction);
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$reason", stored.Reason);
            update.Parameters.AddWithValue("$errors", stored.Errors);
            return update.ExecuteNonQuery() > 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default) =>
        WriteAsync((connection, transaction) =>
        {
            using var delete = Command(connection, "DELETE FROM dead_letters WHERE id = $id", transaction);
            delete.Parameters.AddWithValue("$id", id);
            return delete.ExecuteNonQuery() > 0;
        }, cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => tables.Dispose();

    private static List<DeadLetter> Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var letters = new List<DeadLetter>();
        while (reader.Read())
        {
            letters.Add(new DeadLetter(
                Id: reader.GetInt64(0),
                Source: reader.GetString(1),
                Payload: reader.GetString(2),
                Reason: reader.GetString(3),
                Errors: reader.GetString(4),
                ReceivedAt: StoredTime.FromUnixMicroseconds(reader.GetInt64(5), 0),
                LastReceivedAt: StoredTime.FromUnixMicroseconds(reader.GetInt64(6), 0),
                Attempts: reader.GetInt32(7),
                ReplayedAt: reader.IsDBNull(8) ? null : StoredTime.FromUnixMicroseconds(reader.GetInt64(8), 0)));
        }

        return letters;
    }

    private long Now() => StoredTime.ToUnixMicrosecondsFloor(timeProvider.GetUtcNow());

    private Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken) =>
        tables.ReadAsync(read, cancellationToken);

    private Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken) =>
        tables.WriteAsync(write, cancellationToken);
}
