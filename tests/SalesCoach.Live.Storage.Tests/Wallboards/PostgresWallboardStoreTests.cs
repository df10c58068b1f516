using Npgsql;
using SalesCoach.Live.Storage.Postgres;
using SalesCoach.Live.Storage.Schema;
using SalesCoach.Live.Storage.Tests.Postgres;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Storage.Tests.Wallboards;

/// <summary>
/// The wallboard store contract against PostgreSQL, a new database per test. Fails (never skips) when
/// SALESCOACH_TEST_POSTGRES is not set.
/// </summary>
public sealed class PostgresWallboardStoreTests : WallboardStoreContract
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
    public async Task Two_servers_on_one_database_see_each_others_changes_by_the_stamp()
    {
        var first = Open();
        var second = Open();
        await first.CreateAsync(Board("floor"));
        var seen = await second.GetChangeStampAsync();

        await first.UpdateAsync(Board("floor", "Renamed"));

        Assert.True(await second.GetChangeStampAsync() > seen);
        Assert.Equal("Renamed", (await second.FindAsync("floor"))!.Title);
    }

    [Fact]
    public async Task The_schema_script_can_be_applied_again_without_harm()
    {
        var store = Open();
        await store.CreateAsync(Board("floor"));
        var stamp = await store.GetChangeStampAsync();

        await using (var dataSource = NpgsqlDataSource.Create(connectionString!))
        {
            Assert.True((await PostgresSchemaRunner.ApplyAsync(dataSource, SchemaScripts.Postgres)).UpToDate);
        }

        store = await ReopenAsync(store);
        Assert.Equal(stamp, await store.GetChangeStampAsync());
        Assert.NotNull(await store.FindAsync("floor"));
    }

    protected override IWallboardStore CreateStore(TimeProvider timeProvider) =>
        new PostgresWallboardStore(new PostgresStorageOptions { ConnectionString = connectionString! }, timeProvider);
}
