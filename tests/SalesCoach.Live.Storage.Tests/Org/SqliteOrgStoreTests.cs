using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Org;
using SalesCoach.Live.Storage.Sqlite;

namespace SalesCoach.Live.Storage.Tests.Org;

/// <summary>The org store contract against SQLite: a new file per test, in a directory the store has to create.</summary>
public sealed class SqliteOrgStoreTests : OrgStoreContract
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

        await store.SaveAsync(new NewOrgRevision("{}", "file", OrgRevisionSources.File, "h"), 0);
        var appended = await log.AppendAsync([new ActivityToAppend("a1", "anna", "call", Clock.GetUtcNow(), 1, null, null)]);

        Assert.Single(appended.Accepted);
        Assert.Equal(1, await store.GetLatestNumberAsync());
        Assert.True(await log.IsHealthyAsync());
    }

    protected override IOrgStore CreateStore(TimeProvider timeProvider) =>
        new SqliteOrgStore(new SqliteStorageOptions { Path = DatabasePath }, timeProvider);
}
