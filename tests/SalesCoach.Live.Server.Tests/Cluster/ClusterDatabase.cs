using Npgsql;

namespace SalesCoach.Live.Server.Tests.Cluster;

/// <summary>
/// A fresh PostgreSQL database for one cluster test, on the server named by SALESCOACH_TEST_POSTGRES (as the storage
/// tests use it), dropped afterwards. Without the variable the test fails, saying how to start a server: it never
/// skips silently. The schema is not created here: the nodes apply it themselves at start-up.
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    public const string Variable = "SALESCOACH_TEST_POSTGRES";

    private ClusterDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<ClusterDatabase> CreateAsync()
    {
        var admin = AdminConnectionString();
        var name = $"salescoach_cluster_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new ClusterDatabase(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }

    /// <summary>Runs one scalar query (for checks of the tables the nodes keep).</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        // FORCE: a node killed with SIGKILL may leave its connections behind for a moment.
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string AdminConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"The cluster tests need PostgreSQL: set {Variable} to an Npgsql connection string of a user who may create " +
                "databases, e.g. 'Host=127.0.0.1;Port=5433;Username=postgres;Database=postgres'. To start a throwaway server " +
                "and set it: pg_env=$(bash tests/run-postgres.sh) && eval \"$pg_env\" (tests/run-all.sh does this).");
        }

        return value;
    }
}
