using SalesCoach.Live.Storage.Connectors;
using SalesCoach.Live.Storage.Sqlite;

namespace SalesCoach.Live.Storage.Tests.Connectors;

/// <summary>The connector store contract against SQLite: a new file per test.</summary>
public sealed class SqliteConnectorStoreTests : ConnectorStoreContract
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "salescoach-storage-tests", Guid.NewGuid().ToString("N"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    protected override IConnectorStore CreateStore(TimeProvider timeProvider) =>
        new SqliteConnectorStore(new SqliteStorageOptions { Path = Path.Combine(directory, "salescoach.db") }, timeProvider);
}
