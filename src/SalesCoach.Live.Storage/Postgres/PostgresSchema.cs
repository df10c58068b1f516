using Npgsql;

namespace SalesCoach.Live.Storage.Postgres;

/// <summary>Applies the schema scripts of deploy/sql/postgres, which are embedded in this assembly.</summary>
internal static class PostgresSchema
{
    private const string ResourcePrefix = "SalesCoach.Live.Storage.Postgres.Sql.";

    // Any constant will do, as long as every server uses the same one.
    private const long SchemaLockKey = 0x5341_4C45_5343_4F41; // "SALESCOA"

    /// <summary>The embedded scripts, in the order their names sort (001_, 002_, ...).</summary>
    public static IReadOnlyList<(string Name, string Sql)> Scripts()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return (name[ResourcePrefix.Length..], reader.ReadToEnd());
            })
            .ToList();
    }

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var scripts = Scripts();
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException("The PostgreSQL schema scripts are missing from the assembly.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // CREATE ... IF NOT EXISTS is not safe against itself: two servers creating the same table at once can
        // still collide in the catalog. The lock makes the second wait, then find everything in place.
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockKey})", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (_, sql) in scripts)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
