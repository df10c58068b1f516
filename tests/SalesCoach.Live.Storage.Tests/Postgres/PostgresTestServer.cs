using Npgsql;

namespace SalesCoach.Live.Storage.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the tests use, named by the environment variable <see cref="Variable"/>. Each test gets a
/// database of its own, created here and dropped afterwards, so tests are isolated and can run again and again.
/// </summary>
internal static class PostgresTestServer
{
    public const string Variable = "SALESCOACH_TEST_POSTGRES";

    /// <summary>The server's connection string; throws, failing the test, when the variable is not set.</summary>
    public static string AdminConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: set {Variable} to an Npgsql connection string of a user who may " +
                "create databases, e.g. 'Host=127.0.0.1;Port=5433;Username=postgres;Database=postgres'. " +
                "To start a throwaway server and set it: pg_env=$(bash tests/run-postgres.sh) && eval \"$pg_env\"");
        }

        return value;
    }

    /// <summary>Creates an empty database and returns a connection string that points at it.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = AdminConnectionString();
        var name = $"salescoach_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(AdminConnectionString());
        await connection.OpenAsync();
        // FORCE: a connection left open by a failed test must not keep the database alive.
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
