using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SalesCoach.Live.Storage.Orleans.Sqlite;

/// <summary>
/// Orleans reminders in the embedded SQLite file, so that a single node's reminders survive a restart. One row per
/// (service, grain, reminder name); the ETag is a version moved on by every upsert, and a removal only succeeds at
/// the version given. The grain's ring hash is stored unsigned, so ring ranges compare as Orleans defines them:
/// (begin, end], wrapping past the top of the ring when begin is not below end.
/// </summary>
public sealed class SqliteReminderTable(SqliteGrainDatabase database, string serviceId) : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at_ticks, period_ms, version";

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        ReadAsync($"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service AND grain_id = $grain", ("$grain", grainId.ToString()));

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => begin < end
        ? ReadAsync($"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service AND grain_hash > $begin AND grain_hash <= $end", ("$begin", (long)begin), ("$end", (long)end))
        : ReadAsync($"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service AND (grain_hash > $begin OR grain_hash <= $end)", ("$begin", (long)begin), ("$end", (long)end));

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await ReadAsync(
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name",
            ("$grain", grainId.ToString()),
            ("$name", reminderName));
        return rows.Reminders.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var startAt = entry.StartAt.Kind == DateTimeKind.Local ? entry.StartAt.ToUniversalTime() : entry.StartAt;
        var version = await database.RunAsync(connection =>
        {
            using var command = SqliteGrainDatabase.Command(
                connection,
                """
                INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_at_ticks, period_ms, grain_hash, version)
                VALUES ($service, $grain, $name, $start, $period, $hash, 0)
                ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
                   SET start_at_ticks = excluded.start_at_ticks, period_ms = excluded.period_ms,
                       grain_hash = excluded.grain_hash, version = orleans_reminders.version + 1
                RETURNING version
                """,
                ("$service", serviceId),
                ("$grain", entry.GrainId.ToString()),
                ("$name", entry.ReminderName),
                ("$start", startAt.Ticks),
                ("$period", (long)entry.Period.TotalMilliseconds),
                ("$hash", (long)entry.GrainId.GetUniformHashCode()));
            return (long)command.ExecuteScalar()!;
        }, CancellationToken.None);
        return version.ToString(CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        return await database.RunAsync(connection =>
        {
            using var command = SqliteGrainDatabase.Command(
                connection,
                "DELETE FROM orleans_reminders WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name AND version = $version",
                ("$service", serviceId),
                ("$grain", grainId.ToString()),
                ("$name", reminderName),
                ("$version", version));
            return command.ExecuteNonQuery() == 1;
        }, CancellationToken.None);
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() => database.RunAsync(connection =>
    {
        using var command = SqliteGrainDatabase.Command(connection, "DELETE FROM orleans_reminders WHERE service_id = $service", ("$service", serviceId));
        return command.ExecuteNonQuery();
    }, CancellationToken.None);

    private Task<ReminderTableData> ReadAsync(string sql, params (string Name, object? Value)[] parameters) => database.RunAsync(connection =>
    {
        using var command = SqliteGrainDatabase.Command(connection, sql, [("$service", serviceId), .. parameters]);
        using var reader = command.ExecuteReader();
        var entries = new List<ReminderEntry>();
        while (reader.Read())
        {
            entries.Add(Entry(reader));
        }

        return new ReminderTableData(entries);
    }, CancellationToken.None);

    private static ReminderEntry Entry(SqliteDataReader reader) => new()
    {
        GrainId = GrainId.Parse(reader.GetString(0)),
        ReminderName = reader.GetString(1),
        StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
        Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
        ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
    };
}
