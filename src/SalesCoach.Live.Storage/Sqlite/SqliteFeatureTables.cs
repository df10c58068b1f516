using Microsoft.Data.Sqlite;
using SalesCoach.Live.Storage.GroupCommit;
using SalesCoach.Live.Storage.Schema;

namespace SalesCoach.Live.Storage.Sqlite;

/// <summary>
/// A feature's own tables (wallboards, dead letters, org revisions) in the embedded store's file beside the activity
/// log: the file's schema scripts (<see cref="SchemaScripts.Sqlite"/>, all of them, whichever store comes first) applied at first use (and tried again after a failure), reads on a pooled connection, and writes
/// as short IMMEDIATE transactions with <c>synchronous = FULL</c>, waiting through SQLite's busy handling for the
/// log's writer. Every call runs off the caller's thread.
/// </summary>
internal sealed class SqliteFeatureTables : IDisposable
{
    private readonly object owner;
    private readonly TimeProvider timeProvider;
    private readonly string connectionString;
    private readonly InitializationGate initialization;
    private int disposed;

    /// <param name="options">The store's file.</param>
    /// <param name="owner">The store, named when a call comes after it was disposed.</param>
    public SqliteFeatureTables(SqliteStorageOptions options, object owner, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException($"The SQLite path ({SqliteStorageOptions.PathKey}) is empty.", nameof(options));
        }

        this.owner = owner;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        FilePath = Path.GetFullPath(options.Path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        initialization = new InitializationGate(_ => Task.Run(CreateSchema));
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>A command on <paramref name="connection"/>, in <paramref name="transaction"/> when given.</summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, owner);
        await initialization.EnsureAsync(cancellationToken);
        return await Task.Run(() =>
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            return read(connection);
        }, cancellationToken);
    }

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, owner);
        await initialization.EnsureAsync(cancellationToken);
        return await Task.Run(() =>
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using (var synchronous = Command(connection, "PRAGMA synchronous = FULL;"))
            {
                synchronous.ExecuteNonQuery();
            }

            // IMMEDIATE: take the write lock at the start, so a read-then-write cannot meet a busy upgrade half way
            // (and no other save slips in between a read of the newest row and the write after it).
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = write(connection, transaction);
            transaction.Commit();
            return result;
        }, cancellationToken);
    }

    /// <summary>Closes the pooled connections, which would otherwise keep the file open.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        initialization.Dispose();
        using var pooled = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(pooled);
    }

    private void CreateSchema()
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // The activity log sets WAL too; whichever comes first, the file ends up in WAL mode.
        using (var wal = Command(connection, "PRAGMA journal_mode = WAL;"))
        {
            wal.ExecuteNonQuery();
        }

        SqliteSchemaRunner.Apply(connection, SchemaScripts.Sqlite, timeProvider);
    }
}
