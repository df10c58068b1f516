using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Sqlite;
using SalesCoach.Live.Storage.Tests.Activities;

namespace SalesCoach.Live.Storage.Tests.Sqlite;

/// <summary>The activity log contract against SQLite: a new file per test, in a directory the log has to create.</summary>
public sealed class SqliteActivityLogTests : ActivityLogContract
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "salescoach-storage-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(directory, "nested", "activities.db");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_database_file_is_created_in_WAL_mode_where_the_options_say()
    {
        var log = (SqliteActivityLog)Open();
        Assert.False(File.Exists(DatabasePath));

        await log.AppendAsync([Activity("a1")]);

        Assert.Equal(Path.GetFullPath(DatabasePath), log.FilePath);
        Assert.True(File.Exists(DatabasePath));
        Assert.True(File.Exists(DatabasePath + "-wal"));
    }

    protected override IActivityLog CreateLog(TimeProvider timeProvider) =>
        new SqliteActivityLog(new SqliteStorageOptions { Path = DatabasePath }, timeProvider);

    protected override void FailTransactionsWhen(IActivityLog log, Func<IReadOnlyList<ActivityToAppend>, bool> predicate) =>
        ((SqliteActivityLog)log).BeforeCommit = batch =>
        {
            if (predicate(batch))
            {
                throw new InvalidOperationException("Injected failure before commit.");
            }
        };
}
