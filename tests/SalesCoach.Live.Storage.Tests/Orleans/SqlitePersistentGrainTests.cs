using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace SalesCoach.Live.Storage.Tests.Orleans;

/// <summary>The grain wiring on the embedded store: a new database file per test.</summary>
public sealed class SqlitePersistentGrainTests : PersistentGrainContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "salescoach-storage-tests", Guid.NewGuid().ToString("N"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    protected override IConfiguration StoreConfiguration() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(_directory, "salescoach.db"),
        })
        .Build();
}
