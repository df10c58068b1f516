using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Storage.Tests.Wallboards;

/// <summary><c>AddWallboardStore</c>: the wallboard store follows the activity log's choice of store.</summary>
public sealed class WallboardStoreRegistrationTests
{
    [Fact]
    public async Task Without_a_provider_the_SQLite_store_in_the_configured_file_is_registered()
    {
        var path = Path.Combine(Path.GetTempPath(), "salescoach-storage-tests", Guid.NewGuid().ToString("N"), "s.db");
        await using var services = Build(new() { ["Storage:Sqlite:Path"] = path });

        var store = Assert.IsType<SqliteWallboardStore>(services.GetRequiredService<IWallboardStore>());

        Assert.Equal(path, store.FilePath);
        Assert.Same(store, services.GetRequiredService<IWallboardStore>());
    }

    [Fact]
    public async Task The_Postgres_provider_registers_the_PostgreSQL_store()
    {
        await using var services = Build(new()
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:Postgres:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing",
        });

        Assert.IsType<PostgresWallboardStore>(services.GetRequiredService<IWallboardStore>());
    }

    [Theory]
    [InlineData("Postgres", null, "Storage:Postgres:ConnectionString")]
    [InlineData("Oracle", null, "'Oracle'")]
    public void A_wrong_configuration_stops_registration_saying_why(string provider, string? connectionString, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new()
        {
            ["Storage:Provider"] = provider,
            ["Storage:Postgres:ConnectionString"] = connectionString,
        }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddWallboardStore(configuration).BuildServiceProvider();
    }
}
