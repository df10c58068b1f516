using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.GroupCommit;

namespace SalesCoach.Live.Storage.Postgres;

/// <summary>
/// The activity log in PostgreSQL, safe for several server processes writing at once. Each process funnels its
/// appends through one writer loop that writes every batch waiting in one transaction (group commit): three round
/// trips and one commit for the lot. RepSeq is numbered from a per-rep counter row locked in that transaction, so it
/// stays gap-free across processes. The schema (deploy/sql/postgres, see <see cref="PostgresDatabase"/>) is applied at first use.
/// </summary>
public sealed class PostgresActivityLog : IActivityLog, IAsyncDisposable, IDisposable
{
    // Bounds the size of the parameter arrays of one statement and how long one transaction holds rep counters.
    private const int MaxActivitiesPerTransaction = 10_000;

    // Deadlocks (only possible when one id is sent for two reps at once) and races are retried this often.
    private const int MaxAttempts = 5;

    // Takes the counter row of every rep in the batch, in one fixed order (bytewise, whatever the database's
    // collation) so that two writers never wait on each other in a circle. DO UPDATE, not DO NOTHING, because
    // only an update locks a row that already exists.
    private const string LockCountersSql = """
        INSERT INTO activity_rep_counters AS c (rep_id, seq)
        SELECT r.rep_id, 0 FROM unnest(@rep_ids::text[]) AS r(rep_id) ORDER BY r.rep_id COLLATE "C"
        ON CONFLICT (rep_id) DO UPDATE SET seq = c.seq
        RETURNING c.rep_id, c.seq
        """;

    // Drops ids already stored and repeats within the batch (the first occurrence wins), numbers the rest per rep
    // from the locked counters, and inserts them in batch order. ON CONFLICT still guards against an id that another
    // transaction is storing right now; the caller detects the hole that would leave in the numbering.
    private const string InsertSql = """
        WITH input AS (
            SELECT * FROM unnest(@ords::int[], @ids::text[], @rep_ids::text[], @types::text[], @occurred_ats::timestamptz[],
                                 @offsets::smallint[], @quantities::int[], @values::numeric[], @sources::text[])
                AS t(ord, id, rep_id, type, occurred_at, occurred_offset_min, quantity, value, source)
        ),
        fresh AS (
            SELECT DISTINCT ON (i.id) i.*
            FROM input i
            WHERE NOT EXISTS (SELECT 1 FROM activities a WHERE a.id = i.id)
            ORDER BY i.id, i.ord
        ),
        numbered AS (
            SELECT f.*, c.seq + row_number() OVER (PARTITION BY f.rep_id ORDER BY f.ord) AS rep_seq
            FROM fresh f JOIN activity_rep_counters c ON c.rep_id = f.rep_id
        )
        INSERT INTO activities (id, rep_id, rep_seq, type, occurred_at, occurred_offset_min, quantity, value, source, received_at)
        SELECT id, rep_id, rep_seq, type, occurred_at, occurred_offset_min, quantity, value, source, @received_at
        FROM numbered
        ORDER BY ord
        ON CONFLICT (id) DO NOTHING
        RETURNING seq, id, rep_seq
        """;

    private const string UpdateCountersSql = """
        UPDATE activity_rep_counters AS c SET seq = u.seq
        FROM unnest(@rep_ids::text[], @seqs::bigint[]) AS u(rep_id, seq)
        WHERE c.rep_id = u.rep_id
        """;

    private const string Columns =
        "seq, rep_seq, id, rep_id, type, occurred_at, occurred_offset_min, quantity, value, source, received_at";

    private const string ByOccurrenceSql = $"""
        SELECT {Columns} FROM activities
        WHERE rep_id = ANY(@rep_ids) AND occurred_at >= @from AND occurred_at <= @to
        ORDER BY seq
        """;

    private const string RepTailSql = $"""
        SELECT {Columns} FROM activities
        WHERE rep_id = @rep_id AND rep_seq > @after
        ORDER BY rep_seq
        """;

    private const string ByIdSql = $"SELECT {Columns} FROM activities WHERE id = @id";

    private const string MaxRepSeqSql = "SELECT COALESCE(MAX(rep_seq), 0) FROM activities WHERE rep_id = @rep_id";

    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly PostgresDatabase database;
    private readonly bool ownsDatabase;
    private readonly GroupCommitWriter writer;
    private int disposed;

    /// <summary>Creates the log with a data source of its own; nothing connects before the first call.</summary>
    public PostgresActivityLog(PostgresStorageOptions options, TimeProvider? timeProvider = null, ILogger<PostgresActivityLog>? logger = null)
        : this(new PostgresDatabase(options), ownsDatabase: true, timeProvider, logger)
    {
    }

    /// <summary>Creates the log on the process's shared database; nothing connects before the first call.</summary>
    public PostgresActivityLog(PostgresDatabase database, TimeProvider? timeProvider = null, ILogger<PostgresActivityLog>? logger = null)
        : this(database, ownsDatabase: false, timeProvider, logger)
    {
    }

    private PostgresActivityLog(PostgresDatabase database, bool ownsDatabase, TimeProvider? timeProvider, ILogger<PostgresActivityLog>? logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        dataSource = database.DataSource;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        writer = new GroupCommitWriter(WriteGroupAsync, MaxActivitiesPerTransaction, nameof(PostgresActivityLog), this.logger);
    }

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

        await database.EnsureSchemaAsync(cancellationToken);
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

        await EnsureReadableAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(ByOccurrenceSql);
        command.Parameters.Add(new NpgsqlParameter<string[]>("rep_ids", [.. repIds]));
        // Stored instants are whole microseconds: round the bounds inwards so that "inclusive" means the same
        // here as in the SQLite store, whatever sub-microsecond ticks the caller's bounds carry.
        command.Parameters.Add(new NpgsqlParameter<DateTime>("from", StoredTime.FromUnixMicrosecondsUtc(StoredTime.ToUnixMicrosecondsCeiling(from))));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("to", StoredTime.FromUnixMicrosecondsUtc(StoredTime.ToUnixMicrosecondsFloor(to))));
        return await ReadActivitiesAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LoggedActivity>> ReadRepTailAsync(string repId, long afterRepSeq, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repId);
        await EnsureReadableAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(RepTailSql);
        command.Parameters.Add(new NpgsqlParameter<string>("rep_id", repId));
        command.Parameters.Add(new NpgsqlParameter<long>("after", afterRepSeq));
        return await ReadActivitiesAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<LoggedActivity?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await EnsureReadableAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(ByIdSql);
        command.Parameters.Add(new NpgsqlParameter<string>("id", id));
        var found = await ReadActivitiesAsync(command, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <inheritdoc />
    public async Task<long> GetRepSeqAsync(string repId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repId);
        await EnsureReadableAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(MaxRepSeqSql);
        command.Parameters.Add(new NpgsqlParameter<string>("rep_id", repId));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
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
            await database.EnsureSchemaAsync(cancellationToken);
            await using var command = dataSource.CreateCommand("SELECT to_regclass('activities') IS NOT NULL");
            return await command.ExecuteScalarAsync(cancellationToken) is true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Writes what is queued, then closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await writer.DisposeAsync();
        if (ownsDatabase)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>Same as <see cref="DisposeAsync"/>, for containers that dispose synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static async Task<IReadOnlyList<LoggedActivity>> ReadActivitiesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var activities = new List<LoggedActivity>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var occurredAtUtc = reader.GetFieldValue<DateTime>(5);
            activities.Add(new LoggedActivity(
                Seq: reader.GetInt64(0),
                RepSeq: reader.GetInt64(1),
                Id: reader.GetString(2),
                RepId: reader.GetString(3),
                Type: reader.GetString(4),
                OccurredAt: new DateTimeOffset(occurredAtUtc.Ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(reader.GetInt16(6))),
                Quantity: reader.GetInt32(7),
                Value: reader.IsDBNull(8) ? null : reader.GetDecimal(8),
                Source: reader.IsDBNull(9) ? null : reader.GetString(9),
                ReceivedAt: new DateTimeOffset(reader.GetFieldValue<DateTime>(10).Ticks, TimeSpan.Zero)));
        }

        return activities;
    }

    private static bool IsWorthRetrying(Exception ex) =>
        ex is RepSeqRaceException || (ex is PostgresException postgres && postgres.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure);

    private async ValueTask EnsureReadableAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        await database.EnsureSchemaAsync(cancellationToken);
    }

    private async Task<AppendResult[]> WriteGroupAsync(IReadOnlyList<AppendRequest> group)
    {
        var activities = group.SelectMany(request => request.Batch).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryWriteGroupAsync(group, activities);
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsWorthRetrying(ex))
            {
                logger.LogDebug(ex, "Append transaction attempt {Attempt} met a concurrent writer; trying again", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)));
            }
        }
    }

    private async Task<AppendResult[]> TryWriteGroupAsync(IReadOnlyList<AppendRequest> group, List<ActivityToAppend> activities)
    {
        var count = activities.Count;
        var ords = new int[count];
        var ids = new string[count];
        var repIds = new string[count];
        var types = new string[count];
        var occurredAts = new DateTime[count];
        var offsets = new short[count];
        var quantities = new int[count];
        var values = new decimal?[count];
        var sources = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var activity = activities[i];
            var occurredAt = StoredTime.Truncate(activity.OccurredAt);
            ords[i] = i;
            ids[i] = activity.Id;
            repIds[i] = activity.RepId;
            types[i] = activity.Type;
            occurredAts[i] = occurredAt.UtcDateTime;
            offsets[i] = (short)StoredTime.OffsetMinutes(occurredAt);
            quantities[i] = activity.Quantity;
            values[i] = activity.Value;
            sources[i] = activity.Source;
        }

        var distinctReps = repIds.Distinct(StringComparer.Ordinal).ToArray();
        var receivedAt = StoredTime.Truncate(timeProvider.GetUtcNow());

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        var inserted = new Dictionary<string, (long Seq, long RepSeq)>(StringComparer.Ordinal);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            var lockCounters = new NpgsqlBatchCommand(LockCountersSql);
            lockCounters.Parameters.Add(new NpgsqlParameter<string[]>("rep_ids", distinctReps));
            batch.BatchCommands.Add(lockCounters);

            var insert = new NpgsqlBatchCommand(InsertSql);
            insert.Parameters.Add(new NpgsqlParameter<int[]>("ords", ords));
            insert.Parameters.Add(new NpgsqlParameter<string[]>("ids", ids));
            insert.Parameters.Add(new NpgsqlParameter<string[]>("rep_ids", repIds));
            insert.Parameters.Add(new NpgsqlParameter<string[]>("types", types));
            insert.Parameters.Add(new NpgsqlParameter<DateTime[]>("occurred_ats", occurredAts) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter<short[]>("offsets", offsets));
            insert.Parameters.Add(new NpgsqlParameter<int[]>("quantities", quantities));
            insert.Parameters.Add(new NpgsqlParameter<decimal?[]>("values", values) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
            insert.Parameters.Add(new NpgsqlParameter<string?[]>("sources", sources) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter<DateTime>("received_at", receivedAt.UtcDateTime) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
            batch.BatchCommands.Add(insert);

            await using var reader = await batch.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counters[reader.GetString(0)] = reader.GetInt64(1);
            }

            await reader.NextResultAsync();
            while (await reader.ReadAsync())
            {
                inserted[reader.GetString(1)] = (reader.GetInt64(0), reader.GetInt64(2));
            }
        }

        var results = new AppendResult[group.Count];
        var newRows = new Dictionary<string, (long Highest, int Count)>(StringComparer.Ordinal);
        for (var r = 0; r < group.Count; r++)
        {
            var batch = group[r].Batch;
            var accepted = new List<LoggedActivity>(batch.Count);
            var duplicates = 0;
            foreach (var activity in batch)
            {
                // Remove, so that a repeat of an id later in the group counts as the duplicate it is.
                if (inserted.Remove(activity.Id, out var stored))
                {
                    accepted.Add(new LoggedActivity(
                        stored.Seq, stored.RepSeq, activity.Id, activity.RepId, activity.Type,
                        StoredTime.Truncate(activity.OccurredAt), activity.Quantity, activity.Value, activity.Source, receivedAt));
                    var (highest, rows) = newRows.GetValueOrDefault(activity.RepId);
                    newRows[activity.RepId] = (Math.Max(highest, stored.RepSeq), rows + 1);
                }
                else
                {
                    duplicates++;
                }
            }

            results[r] = new AppendResult(accepted, duplicates);
        }

        // Rows were numbered counter+1, counter+2, ...; if one of them was skipped by ON CONFLICT and a later one
        // was not, the rep's highest number exceeds counter + (rows stored), and the sequence would have a hole.
        foreach (var (repId, (highest, rows)) in newRows)
        {
            if (highest != counters[repId] + rows)
            {
                throw new RepSeqRaceException(repId);
            }
        }

        var repsWithNew = newRows.Keys.ToArray();

        if (repsWithNew.Length > 0)
        {
            await using var update = new NpgsqlCommand(UpdateCountersSql, connection, transaction);
            update.Parameters.Add(new NpgsqlParameter<string[]>("rep_ids", repsWithNew));
            update.Parameters.Add(new NpgsqlParameter<long[]>("seqs", [.. repsWithNew.Select(repId => newRows[repId].Highest)]));
            await update.ExecuteNonQueryAsync();
        }

        BeforeCommit?.Invoke(activities);
        await transaction.CommitAsync();
        return results;
    }
}
