using Npgsql;
using SalesCoach.Live.Storage.Postgres;

namespace SalesCoach.Live.Storage.Orleans.Postgres;

/// <summary>
/// The PostgreSQL schema of the whole product: every script of <c>deploy/sql/postgres</c> (the activity log, the Orleans
/// query catalogue, membership, grain state and reminders, and whatever later scripts add), in name order. The scripts
/// are the resources the storage assembly embeds, so what runs is what ships; each is idempotent.
/// </summary>
public static class PostgresMigrations
{
    /// <summary>
    /// The advisory lock every server takes while it applies the scripts; it is the one the activity log takes for
    /// the same scripts, so two nodes (or a node and an operator's run) never apply them at the same moment.
    /// </summary>
    public const long SchemaLockKey = 0x5341_4C45_5343_4F41; // "SALESCOA"

    private const string ResourcePrefix = "SalesCoach.Live.Storage.Postgres.Sql.";

    /// <summary>The scripts, by file name, in the order they are applied.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Scripts()
    {
        var assembly = typeof(PostgresStorageOptions).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return (name[ResourcePrefix.Length..], reader.ReadToEnd());
            })];
    }

    /// <summary>
    /// Applies all scripts in one transaction, under <see cref="SchemaLockKey"/>, and returns their names. Running it
    /// again changes nothing; a failing script leaves the database as it was.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var scripts = Scripts();
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException("The PostgreSQL schema scripts are missing from the storage assembly.");
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockKey})", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (name, sql) in scripts)
        {
            try
            {
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e)
            {
                throw new InvalidOperationException($"Schema script {name} failed: {e.MessageText}", e);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return [.. scripts.Select(s => s.Name)];
    }
}
