using SalesCoach.Live.Storage.Connectors;
using SalesCoach.Live.Storage.Postgres;
using SalesCoach.Live.Storage.Tests.Postgres;

namespace SalesCoach.Live.Storage.Tests.Connectors;

/// <summary>The connector store contract against PostgreSQL, a new database per test. Fails (never skips) when
/// SALESCOACH_TEST_POSTGRES is not set.</summary>
public sealed class PostgresConnectorStoreTests : ConnectorStoreContract
{
    private string? connectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        connectionString = await PostgresTestServer.CreateDatabaseAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (connectionString is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(connectionString);
        }
    }

    protected override IConnectorStore CreateStore(TimeProvider timeProvider) =>
        new PostgresConnectorStore(new PostgresStorageOptions { ConnectionString = connectionString! }, timeProvider);
}
