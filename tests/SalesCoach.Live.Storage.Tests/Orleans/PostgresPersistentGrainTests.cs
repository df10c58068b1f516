using Microsoft.Extensions.Configuration;
using Npgsql;
using SalesCoach.Live.Storage.Tests.Postgres;

namespace SalesCoach.Live.Storage.Tests.Orleans;

/// <summary>
/// The grain wiring on PostgreSQL: a new, empty database per test, so the silo itself must apply the schema and the
/// named queries before the ADO.NET providers read them. Fails (never skips) when SALESCOACH_TEST_POSTGRES is not set.
/// </summary>
public sealed class PostgresPersistentGrainTests : PersistentGrainContract
{
    private string? _connectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _connectionString = await PostgresTestServer.CreateDatabaseAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresTestServer.DropDatabaseAsync(_connectionString);
        }
    }

    protected override IConfiguration StoreConfiguration() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = _connectionString,
        })
        .Build();
}
