using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.DeadLetters;
using SalesCoach.Live.Storage.Sqlite;

namespace SalesCoach.Live.Storage.Tests.DeadLetters;

/// <summary>The dead-letter contract against SQLite: a new file per test, in a directory the store has to create.</summary>
public sealed class SqliteDeadLetterStoreTests : DeadLetterStoreContract
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "salescoach-storage-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(directory, "nested", "salescoach.db");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_store_shares_the_file_with_the_activity_log()
    {
        var options = new SqliteStorageOptions { Path = DatabasePath };
        await using var log = new SqliteActivityLog(options, Clock);
        var store = Open();

        await store.AddAsync(new NewDeadLetter("dialer", "{}", "r", "{}"));
        var appended = await log.AppendAsync([new ActivityToAppend("a1", "anna", "call", Clock.GetUtcNow(), 1, null, null)]);
        await store.AddAsync(new NewDeadLetter("dialer", "{\"b\":1}", "r", "{}"));

        Assert.Single(appended.Accepted);
        Assert.Equal(2, (await store.ListAsync(new DeadLetterQuery())).Count);
        Assert.True(File.Exists(DatabasePath + "-wal"));
        Assert.True(await log.IsHealthyAsync());
    }

    protected override IDeadLetterStore CreateStore(TimeProvider timeProvider) =>
        new SqliteDeadLetterStore(new SqliteStorageOptions { Path = DatabasePath }, timeProvider);
}
