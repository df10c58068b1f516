using Npgsql;
using SalesCoach.Live.Storage.DeadLetters;
using SalesCoach.Live.Storage.Postgres;
using SalesCoach.Live.Storage.Schema;
using SalesCoach.Live.Storage.Tests.Postgres;

namespace SalesCoach.Live.Storage.Tests.DeadLetters;

/// <summary>
/// The dead-letter contract against PostgreSQL, a new database per test. Fails (never skips) when
/// SALESCOACH_TEST_POSTGRES is not set.
/// </summary>
public sealed class PostgresDeadLetterStoreTests : DeadLetterStoreContract
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
        var letter = await store.AddAsync(new NewDeadLetter("dialer", "{}", "r", "{}"));

        await using (var dataSource = NpgsqlDataSource.Create(connectionString!))
        {
            Assert.True((await PostgresSchemaRunner.ApplyAsync(dataSource, SchemaScripts.Postgres)).UpToDate);
        }

        Assert.Contains(SchemaScripts.Postgres, s => s.Name == "006_dead_letters.sql");
        Assert.Equal(letter, await store.FindAsync(letter.Id));
    }

    [Fact]
    public async Task Two_servers_share_the_letters()
    {
        var first = Open();
        var second = Open();

        var letter = await first.AddAsync(new NewDeadLetter("dialer", "{\"shared\":1}", "r", "{}"));
        var again = await second.AddAsync(new NewDeadLetter("dialer", "{\"shared\":1}", "r", "{}"));

        Assert.Equal(letter.Id, again.Id);
        Assert.Equal(2, again.Attempts);
        Assert.True(await second.MarkReplayedAsync(letter.Id));
        Assert.False((await first.FindAsync(letter.Id))!.IsOpen);
    }

    protected override IDeadLetterStore CreateStore(TimeProvider timeProvider) =>
        new PostgresDeadLetterStore(new PostgresStorageOptions { ConnectionString = connectionString! }, timeProvider);
}
