using Npgsql;

namespace SalesCoach.Live.Storage.Schema;

/// <summary>
/// Applies schema scripts to a PostgreSQL database: each once, in number order, recorded in <c>schema_versions</c>,
/// all in one transaction under the advisory lock <see cref="SchemaLockKey"/>, so nodes starting together on one
/// database queue up: the first applies, the others then find everything recorded. A failing script leaves the
/// database as it was. A database made before the runner is upgraded in place (see <see cref="SchemaPlan"/>).
/// </summary>
public static class PostgresSchemaRunner
{
    /// <summary>The advisory lock taken while scripts are applied (also by an operator applying them by hand).</summary>
    public const long SchemaLockKey = 0x5341_4C45_5343_4F41; // "SALESCOA" = 5999160039267585857

    private const string CreateVersionTable = $"""
        CREATE TABLE IF NOT EXISTS {SchemaScripts.VersionTable} (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now(),
            adopted    boolean     NOT NULL
        );
        """;

    /// <summary>Runs the scripts not yet recorded.</summary>
    /// <exception cref="InvalidOperationException">A script failed, or the database was made by a newer build.</exception>
    public static async Task<SchemaRunResult> ApplyAsync(NpgsqlDataSource dataSource, IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(scripts);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // CREATE ... IF NOT EXISTS is not safe against itself: two servers creating the same table at once can still
        // collide in the catalog. The lock makes the second wait, then find every script recorded.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLockKey})", cancellationToken);

        IReadOnlySet<int>? recorded = null;
        if (await TablesPresentAsync(connection, transaction, [SchemaScripts.VersionTable], cancellationToken) is { Count: > 0 })
        {
            recorded = await RecordedAsync(connection, transaction, cancellationToken);
        }

        var markers = recorded is null
            ? await TablesPresentAsync(connection, transaction, [.. scripts.Select(s => s.AdoptIfTable).OfType<string>()], cancellationToken)
            : [];
        var (run, adopt) = SchemaPlan.Make(scripts, recorded, markers.Contains, $"'{connection.Database}'");
        if (run.Count == 0 && adopt.Count == 0)
        {
            return new SchemaRunResult([], []);
        }

        await ExecuteAsync(connection, transaction, CreateVersionTable, cancellationToken);
        foreach (var script in adopt)
        {
            await RecordAsync(connection, transaction, script, adopted: true, cancellationToken);
        }

        foreach (var script in run)
        {
            try
            {
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            }
            catch (PostgresException e)
            {
                throw new InvalidOperationException($"Schema script {script.Name} failed: {e.MessageText}", e);
            }

            await RecordAsync(connection, transaction, script, adopted: false, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new SchemaRunResult([.. run.Select(s => s.Name)], [.. adopt.Select(s => s.Name)]);
    }

    /// <summary>The versions recorded in the database's <c>schema_versions</c> table (empty when it has none).</summary>
    public static async Task<IReadOnlyList<int>> RecordedVersionsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await TablesPresentAsync(connection, null, [SchemaScripts.VersionTable], cancellationToken) is { Count: > 0 }
            ? [.. (await RecordedAsync(connection, null, cancellationToken)).Order()]
            : [];
    }

    private static async Task<HashSet<string>> TablesPresentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string[] tables, CancellationToken cancellationToken)
    {
        // to_regclass follows the search path, as the scripts' unqualified names do.
        await using var command = new NpgsqlCommand("SELECT t FROM unnest(@tables::text[]) AS t WHERE to_regclass(t) IS NOT NULL", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("tables", tables));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var present = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            present.Add(reader.GetString(0));
        }

        return present;
    }

    private static async Task<HashSet<int>> RecordedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT version FROM {SchemaScripts.VersionTable}", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SchemaScript script, bool adopted, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {SchemaScripts.VersionTable} (version, name, adopted) VALUES (@version, @name, @adopted)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<int>("version", script.Version));
        command.Parameters.Add(new NpgsqlParameter<string>("name", script.Name));
        command.Parameters.Add(new NpgsqlParameter<bool>("adopted", adopted));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
