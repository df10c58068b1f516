using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.GroupCommit;
using SalesCoach.Live.Storage.Schema;

namespace SalesCoach.Live.Storage.Sqlite;

/// <summary>
/// The embedded activity log: one SQLite file in WAL mode. All appends go through one writer loop that commits
/// every batch waiting in one durable transaction (group commit); reads use their own pooled connections, which
/// WAL lets run beside the writer. Meant for one server process per file.
/// </summary>
public sealed class SqliteActivityLog : IActivityLog, IAsyncDisposable, IDisposable
{
    // Large enough to share one fsync among many callers; bounded so that a flood of queued batches does not
    // become one huge transaction that makes every caller in it wait for all the others.
    private const int MaxActivitiesPerTransaction = 10_000;

    private readonly TimeProvider timeProvider;
    private readonly string writerConnectionString;
    private readonly string readerConnectionString;
    private readonly InitializationGate initialization;
    private readonly GroupCommitWriter writer;

    // Highest committed RepSeq per rep, loaded lazily from the file. Touched only by the writer loop.
    private readonly Dictionary<string, long> committedRepSeqs = new(StringComparer.Ordinal);
    private SqliteWriterSession? session;
    private int disposed;

    /// <summary>Opens (lazily: nothing touches the disk before the first call) the log stored at <see cref="SqliteStorageOptions.Path"/>.</summary>
    public SqliteActivityLog(SqliteStorageOptions options, TimeProvider? timeProvider = null, ILogger<SqliteActivityLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException($"The SQLite path ({SqliteStorageOptions.PathKey}) is empty.", nameof(options));
        }

        this.timeProvider = timeProvider ?? TimeProvider.System;
        FilePath = System.IO.Path.GetFullPath(options.Path);
        writerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // The writer keeps its one connection for the life of the log; a pool would only keep the file open
            // after disposal.
            Pooling = false,
        }.ToString();
        readerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
        }.ToString();
        initialization = new InitializationGate(_ => Task.Run(CreateSchema));
        writer = new GroupCommitWriter(
            group => Task.FromResult(WriteGroup(group)),
            MaxActivitiesPerTransaction,
            nameof(SqliteActivityLog),
            (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Test seam: runs inside each write transaction just before commit; throwing rolls the transaction back.</summary>
    internal Action<IReadOnlyList<ActivityToAppend>>? BeforeCommit { get; set; }

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(IReadOnlyList<ActivityToAppend> batch, CancellationToken cancellationToken = default)
    {
        BatchGuard.Check(batch);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (batch.Count == 0)
        {
            return new AppendResult([], 0);
        }

        await initialization.EnsureAsync(cancellationToken);
        return await writer.AppendAsync(batch, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LoggedActivity>> ReadByOccurrenceAsync(
        IReadOnlyCollection<string> repIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repIds);
        if (repIds.Count == 0)
        {
            return [];
        }

        return await ReadAsync(
            SqliteSchema.ByOccurrence,
            command =>
            {
                command.Parameters.AddWithValue("$rep_ids", JsonSerializer.Serialize(repIds));
                command.Parameters.AddWithValue("$from_us", StoredTime.ToUnixMicrosecondsCeiling(from));
                command.Parameters.AddWithValue("$to_us", StoredTime.ToUnixMicrosecondsFloor(to));
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LoggedActivity>> ReadRepTailAsync(string repId, long afterRepSeq, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repId);
        return await ReadAsync(
            SqliteSchema.RepTail,
            command =>
            {
                command.Parameters.AddWithValue("$rep_id", repId);
                command.Parameters.AddWithValue("$after", afterRepSeq);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<LoggedActivity?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var found = await ReadAsync(SqliteSchema.ById, command => command.Parameters.AddWithValue("$id", id), cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <inheritdoc />
    public async Task<long> GetRepSeqAsync(string repId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repId);
        await EnsureReadableAsync(cancellationToken);
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.MaxRepSeq;
        command.Parameters.AddWithValue("$rep_id", repId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            return false;
        }

        try
        {
            await initialization.EnsureAsync(cancellationToken);
            await using var connection = await OpenReaderAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'activities'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Writes what is queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await writer.DisposeAsync();
        session?.Dispose();
        session = null;
        initialization.Dispose();
        // Pooled reader connections would otherwise keep the file (and its -wal and -shm) open.
        using var pooled = new SqliteConnection(readerConnectionString);
        SqliteConnection.ClearPool(pooled);
    }

    /// <summary>Same as <see cref="DisposeAsync"/>, for containers that dispose synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void CreateSchema()
    {
        var directory = System.IO.Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = new SqliteConnection(writerConnectionString);
        connection.Open();
        // WAL is a property of the file, set once: readers then never block the writer, nor it them.
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, "PRAGMA synchronous = FULL;");
        SqliteSchemaRunner.Apply(connection, SchemaScripts.Sqlite, timeProvider);
    }

    private AppendResult[] WriteGroup(IReadOnlyList<AppendRequest> group)
    {
        var current = session ??= SqliteWriterSession.Open(writerConnectionString);
        var receivedAt = StoredTime.Truncate(timeProvider.GetUtcNow());
        var receivedAtUs = StoredTime.ToUnixMicrosecondsFloor(receivedAt);

        // RepSeqs handed out in this transaction; they become committed only when the commit succeeds, so a
        // rolled-back transaction leaves no hole in any rep's sequence.
        var pendingRepSeqs = new Dictionary<string, long>(StringComparer.Ordinal);
        var results = new AppendResult[group.Count];
        try
        {
            using var transaction = current.Connection.BeginTransaction(deferred: false);
            current.Enlist(transaction);
            for (var r = 0; r < group.Count; r++)
            {
                var batch = group[r].Batch;
                var accepted = new List<LoggedActivity>(batch.Count);
                var duplicates = 0;
                foreach (var activity in batch)
                {
                    var repSeq = LastRepSeq(current, pendingRepSeqs, activity.RepId) + 1;
                    var occurredAt = StoredTime.Truncate(activity.OccurredAt);
                    current.Id.Value = activity.Id;
                    current.RepId.Value = activity.RepId;
                    current.RepSeq.Value = repSeq;
                    current.Type.Value = activity.Type;
                    current.OccurredAtUs.Value = StoredTime.ToUnixMicrosecondsFloor(occurredAt);
                    current.OccurredOffsetMin.Value = StoredTime.OffsetMinutes(occurredAt);
                    current.Quantity.Value = activity.Quantity;
                    current.Value.Value = activity.Value is { } value ? value.ToString(CultureInfo.InvariantCulture) : DBNull.Value;
                    current.Source.Value = (object?)activity.Source ?? DBNull.Value;
                    current.ReceivedAtUs.Value = receivedAtUs;

                    // ON CONFLICT DO NOTHING returns no row for an id already stored, earlier in this
                    // transaction included: that is the duplicate test, in the same step as the insert.
                    if (current.Insert.ExecuteScalar() is long seq)
                    {
                        pendingRepSeqs[activity.RepId] = repSeq;
                        accepted.Add(new LoggedActivity(
                            seq, repSeq, activity.Id, activity.RepId, activity.Type, occurredAt,
                            activity.Quantity, activity.Value, activity.Source, receivedAt));
                    }
                    else
                    {
                        duplicates++;
                    }
                }

                results[r] = new AppendResult(accepted, duplicates);
            }

            BeforeCommit?.Invoke(group.SelectMany(request => request.Batch).ToList());
            transaction.Commit();
        }
        catch
        {
            // The connection may be unusable (disk full, I/O error); start the next group on a fresh one, and
            // reload the counters from the file rather than trust anything this transaction touched.
            current.Dispose();
            session = null;
            committedRepSeqs.Clear();
            throw;
        }

        foreach (var (repId, repSeq) in pendingRepSeqs)
        {
            committedRepSeqs[repId] = repSeq;
        }

        return results;
    }

    private long LastRepSeq(SqliteWriterSession current, Dictionary<string, long> pending, string repId)
    {
        if (pending.TryGetValue(repId, out var repSeq) || committedRepSeqs.TryGetValue(repId, out repSeq))
        {
            return repSeq;
        }

        // First sight of this rep since start (or since a failure): read what earlier runs committed. Nothing of
        // this rep is pending yet, so the value read is committed state and safe to cache.
        current.MaxRepSeqRepId.Value = repId;
        repSeq = Convert.ToInt64(current.MaxRepSeq.ExecuteScalar(), CultureInfo.InvariantCulture);
        committedRepSeqs[repId] = repSeq;
        return repSeq;
    }

    private async ValueTask EnsureReadableAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        await initialization.EnsureAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(readerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<IReadOnlyList<LoggedActivity>> ReadAsync(
        string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await EnsureReadableAsync(cancellationToken);
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var activities = new List<LoggedActivity>();
        while (await reader.ReadAsync(cancellationToken))
        {
            activities.Add(new LoggedActivity(
                Seq: reader.GetInt64(0),
                RepSeq: reader.GetInt64(1),
                Id: reader.GetString(2),
                RepId: reader.GetString(3),
                Type: reader.GetString(4),
                OccurredAt: StoredTime.FromUnixMicroseconds(reader.GetInt64(5), reader.GetInt32(6)),
                Quantity: reader.GetInt32(7),
                Value: reader.IsDBNull(8) ? null : decimal.Parse(reader.GetString(8), NumberStyles.Number, CultureInfo.InvariantCulture),
                Source: reader.IsDBNull(9) ? null : reader.GetString(9),
                ReceivedAt: StoredTime.FromUnixMicroseconds(reader.GetInt64(10), 0)));
        }

        return activities;
    }
}
