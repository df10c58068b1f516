using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Sqlite;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Storage.Tests.Wallboards;

/// <summary>The wallboard store contract against SQLite: a new file per test, in a directory the store has to create.</summary>
public sealed class SqliteWallboardStoreTests : WallboardStoreContract
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
    public async Task The_store_shares_the_activity_logs_file_and_neither_disturbs_the_other()
    {
        var options = new SqliteStorageOptions { Path = DatabasePath };
        await using var log = new SqliteActivityLog(options, Clock);
        var store = Open();

        await store.CreateAsync(Board("floor"));
        var appended = await log.AppendAsync([new ActivityToAppend("a1", "anna", "call", Clock.GetUtcNow(), 1, null, null)]);
        await store.UpdateAsync(Board("floor", "Renamed"));

        Assert.Single(appended.Accepted);
        Assert.Equal("Renamed", (await store.FindAsync("floor"))!.Title);
        Assert.Single(await log.ReadRepTailAsync("anna", 0));
        Assert.True(await log.IsHealthyAsync());
    }

    protected override IWallboardStore CreateStore(TimeProvider timeProvider) =>
        new SqliteWallboardStore(new SqliteStorageOptions { Path = DatabasePath }, timeProvider);
}
