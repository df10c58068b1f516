using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SalesCoach.Live.Storage.Schema;

/// <summary>
/// Applies schema scripts to a SQLite file: each once, in number order, recorded in <c>schema_versions</c>, all in one
/// IMMEDIATE transaction, so two connections (or processes) starting at once apply them once between them, and a
/// failing script leaves the file as it was. A file made before the runner is upgraded in place (see <see cref="SchemaPlan"/>).
/// </summary>
public static class SqliteSchemaRunner
{
    private const string CreateVersionTable = $"""
        CREATE TABLE IF NOT EXISTS {SchemaScripts.VersionTable} (
            version    INTEGER PRIMARY KEY,
            name       TEXT    NOT NULL,
            applied_at TEXT    NOT NULL,
            adopted    INTEGER NOT NULL
        );
        """;

    /// <summary>
    /// Runs the scripts not yet recorded on an open connection (outside any transaction; set <c>journal_mode</c>
    /// before). <paramref name="timeProvider"/> stamps the records.
    /// </summary>
    /// <exception cref="InvalidOperationException">A script failed, or the file was made by a newer build.</exception>
    public static SchemaRunResult Apply(SqliteConnection connection, IReadOnlyList<SchemaScript> scripts, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(scripts);
        using var transaction = connection.BeginTransaction(deferred: false);
        var recorded = TableExists(connection, transaction, SchemaScripts.VersionTable) ? Recorded(connection, transaction) : null;
        var (run, adopt) = SchemaPlan.Make(scripts, recorded, table => TableExists(connection, transaction, table), $"'{connection.DataSource}'");
        if (run.Count == 0 && adopt.Count == 0)
        {
            return new SchemaRunResult([], []);
        }

        Execute(connection, transaction, CreateVersionTable);
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        foreach (var script in adopt)
        {
            Record(connection, transaction, script, now, adopted: true);
        }

        foreach (var script in run)
        {
            try
            {
                Execute(connection, transaction, script.Sql);
            }
            catch (SqliteException e)
            {
                throw new InvalidOperationException($"Schema script {script.Name} failed: {e.Message}", e);
            }

            Record(connection, transaction, script, now, adopted: false);
        }

        transaction.Commit();
        return new SchemaRunResult([.. run.Select(s => s.Name)], [.. adopt.Select(s => s.Name)]);
    }

    /// <summary>The versions recorded in the file's <c>schema_versions</c> table (empty when it has none).</summary>
    public static IReadOnlyList<int> RecordedVersions(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return TableExists(connection, null, SchemaScripts.VersionTable) ? [.. Recorded(connection, null).Order()] : [];
    }

    private static HashSet<int> Recorded(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = Command(connection, transaction, $"SELECT version FROM {SchemaScripts.VersionTable}");
        using var reader = command.ExecuteReader();
        var versions = new HashSet<int>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static bool TableExists(SqliteConnection connection, SqliteTransaction? transaction, string table)
    {
        using var command = Command(connection, transaction, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name");
        command.Parameters.AddWithValue("$name", table);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static void Record(SqliteConnection connection, SqliteTransaction transaction, SchemaScript script, string now, bool adopted)
    {
        using var command = Command(connection, transaction,
            $"INSERT INTO {SchemaScripts.VersionTable} (version, name, applied_at, adopted) VALUES ($version, $name, $at, $adopted)");
        command.Parameters.AddWithValue("$version", script.Version);
        command.Parameters.AddWithValue("$name", script.Name);
        command.Parameters.AddWithValue("$at", now);
        command.Parameters.AddWithValue("$adopted", adopted ? 1 : 0);
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
