using Microsoft.Data.Sqlite;
using SalesCoach.Live.Storage.Sqlite;

namespace SalesCoach.Live.Storage.Orleans.Sqlite;

/// <summary>
/// The Orleans tables (grain state and reminders) in the embedded store's database file, beside the activity log but
/// on a connection of their own. The file is shared with the log's writer, so statements wait (up to
/// <see cref="BusyTimeoutSeconds"/>) while the log commits; each statement commits on its own, durably (WAL,
/// <c>synchronous = FULL</c>). One connection, one statement at a time: grain state and reminders change rarely.
/// The tables are created at first use; the log's schema version (<c>user_version</c>) is left alone.
/// </summary>
public sealed class SqliteGrainDatabase : IAsyncDisposable, IDisposable
{
    /// <summary>How long a statement waits for the log's writer to let go of the file.</summary>
    public const int BusyTimeoutSeconds = 30;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS orleans_grain_state (
            service_id  TEXT    NOT NULL,
            state_name  TEXT    NOT NULL,
            grain_id    TEXT    NOT NULL,
            payload     TEXT    NULL,
            version     INTEGER NOT NULL,
            modified_us INTEGER NOT NULL,
            PRIMARY KEY (service_id, state_name, grain_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS orleans_reminders (
            service_id     TEXT    NOT NULL,
            grain_id       TEXT    NOT NULL,
            reminder_name  TEXT    NOT NULL,
            start_at_ticks INTEGER NOT NULL,
            period_ms      INTEGER NOT NULL,
            grain_hash     INTEGER NOT NULL,
            version        INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS orleans_reminders_ring ON orleans_reminders (service_id, grain_hash);
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _connectionString;
    private SqliteConnection? _connection;
    private bool _disposed;

    /// <summary>Opens (lazily: nothing touches the disk before the first statement) the file at the options' path.</summary>
    public SqliteGrainDatabase(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FilePath = Path.GetFullPath(options.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>Runs <paramref name="work"/> on the connection, off the caller's thread, one piece of work at a time.</summary>
    internal async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await Task.Run(() => work(_connection ??= Open()), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A command on <paramref name="connection"/> with named parameters (<c>$name</c>).</summary>
    internal static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _disposed = true;
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private SqliteConnection Open()
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            foreach (var sql in new[] { "PRAGMA journal_mode = WAL;", "PRAGMA synchronous = FULL;", Schema })
            {
                using var command = Command(connection, sql);
                command.ExecuteNonQuery();
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
