using Npgsql;
using SalesCoach.Live.Storage.Org;
using SalesCoach.Live.Storage.Postgres;
using SalesCoach.Live.Storage.Schema;
using SalesCoach.Live.Storage.Tests.Postgres;

namespace SalesCoach.Live.Storage.Tests.Org;

/// <summary>
/// The org store contract against PostgreSQL, a new database per test. Fails (never skips) when
/// SALESCOACH_TEST_POSTGRES is not set.
/// </summary>
public sealed class PostgresOrgStoreTests : OrgStoreContract
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

    [Fact]
    public async Task The_table_comes_with_the_schema_scripts_and_they_can_be_applied_again()
    {
        var store = Open();
        var saved = await store.SaveAsync(new NewOrgRevision("{}", "file", OrgRevisionSources.File, "h"), 0);

        await using (var dataSource = NpgsqlDataSource.Create(connectionString!))
        {
            Assert.True((await PostgresSchemaRunner.ApplyAsync(dataSource, SchemaScripts.Postgres)).UpToDate);
        }

        Assert.Contains(SchemaScripts.Postgres, s => s.Name == "007_org_revisions.sql");
        Assert.Equal(saved, await store.FindAsync(1));
    }

    protected override IOrgStore CreateStore(TimeProvider timeProvider) =>
        new PostgresOrgStore(new PostgresStorageOptions { ConnectionString = connectionString! }, timeProvider);
}
