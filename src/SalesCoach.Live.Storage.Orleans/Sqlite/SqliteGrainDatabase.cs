using Microsoft.Data.Sqlite;
using SalesCoach.Live.Storage.Schema;
using SalesCoach.Live.Storage.Sqlite;

namespace SalesCoach.Live.Storage.Orleans.Sqlite;

/// <summary>
/// The Orleans tables (grain state and reminders) of the embedded store, in a database file of their own beside the
/// activity log's (<c>salescoach.db</c> keeps the log, <c>salescoach-state.db</c> the grain state): SQLite has one
/// write lock per file, and grain-state writes in the log's file made the log's group commits wait (and sleep on
/// <c>SQLITE_BUSY</c>). Each statement commits on its own, durably (WAL, <c>synchronous = FULL</c>); one connection,
/// one statement at a time. The tables are made at first use by the schema scripts of <see cref="Scripts"/>
/// (<c>Sqlite/Sql</c> of this project); a new state file first takes over the rows an earlier version kept in the
/// log's file (they are copied, and left where they were).
/// </summary>
public sealed class SqliteGrainDatabase : IAsyncDisposable, IDisposable
{
    /// <summary>How long a statement waits for another writer (a backup, say) to let go of the file.</summary>
    public const int BusyTimeoutSeconds = 30;

    private static readonly IReadOnlyList<SchemaScript> StateScripts =
        SchemaScripts.Load(typeof(SqliteGrainDatabase).Assembly, "SalesCoach.Live.Storage.Orleans.Sqlite.Sql.");

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _connectionString;
    private SqliteConnection? _connection;
    private bool _disposed;

    /// <summary>Opens (lazily: nothing touches the disk before the first statement) the state file beside the options' log file.</summary>
    public SqliteGrainDatabase(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        LogFilePath = Path.GetFullPath(options.Path);
        FilePath = StatePathOf(options.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
    }

    /// <summary>The schema scripts of the state file, in number order.</summary>
    public static IReadOnlyList<SchemaScript> Scripts => StateScripts;

    /// <summary>The database file of the grain state and reminders.</summary>
    public string FilePath { get; }

    /// <summary>The activity log's file, where versions before the split kept the grain state.</summary>
    public string LogFilePath { get; }

    /// <summary>The state file that goes with a log file: <c>data/salescoach.db</c> → <c>data/salescoach-state.db</c>.</summary>
    public static string StatePathOf(string logPath)
    {
        var full = Path.GetFullPath(logPath);
        var extension = Path.GetExtension(full);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-state" + (extension.Length > 0 ? extension : ".db"));
    }

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

    // Versions before the split kept these tables in the log's file: copy their rows once, when the state file is new.
    private void TakeOverFromLogFile(SqliteConnection connection)
    {
        using (var attach = Command(connection, "ATTACH DATABASE $path AS log;", ("$path", LogFilePath)))
        {
            attach.ExecuteNonQuery();
        }

        try
        {
            using var transaction = connection.BeginTransaction();
            foreach (var table in new[] { "orleans_grain_state", "orleans_reminders" })
            {
                using var exists = Command(connection, "SELECT count(*) FROM log.sqlite_master WHERE type = 'table' AND name = $name;", ("$name", table));
                exists.Transaction = transaction;
                if ((long)exists.ExecuteScalar()! == 0)
                {
                    continue;
                }

                using var copy = Command(connection, $"INSERT OR IGNORE INTO main.{table} SELECT * FROM log.{table};");
                copy.Transaction = transaction;
                copy.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        finally
        {
            using var detach = Command(connection, "DETACH DATABASE log;");
            detach.ExecuteNonQuery();
        }
    }

    private SqliteConnection Open()
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var fresh = !File.Exists(FilePath);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            foreach (var sql in new[] { "PRAGMA journal_mode = WAL;", "PRAGMA synchronous = FULL;" })
            {
                using var command = Command(connection, sql);
                command.ExecuteNonQuery();
            }

            SqliteSchemaRunner.Apply(connection, StateScripts);

            if (fresh && File.Exists(LogFilePath))
            {
                TakeOverFromLogFile(connection);
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
