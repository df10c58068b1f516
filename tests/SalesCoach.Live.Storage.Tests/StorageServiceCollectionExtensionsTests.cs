using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Postgres;
using SalesCoach.Live.Storage.Sqlite;

namespace SalesCoach.Live.Storage.Tests;

/// <summary><c>AddActivityLog</c>: which store configuration chooses, and what it says when configuration is wrong.</summary>
public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private const string PostgresConnectionString = "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "salescoach-storage-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_provider_the_SQLite_store_at_the_default_path_is_registered()
    {
        await using var services = Build([]);

        var log = Assert.IsType<SqliteActivityLog>(services.GetRequiredService<IActivityLog>());

        Assert.Equal(Path.GetFullPath(SqliteStorageOptions.DefaultPath), log.FilePath);
        Assert.Equal(SqliteStorageOptions.DefaultPath, services.GetRequiredService<SqliteStorageOptions>().Path);
        Assert.Same(log, services.GetRequiredService<IActivityLog>());
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("sqlite")]
    [InlineData("SQLITE")]
    public async Task The_SQLite_provider_name_is_case_insensitive_and_uses_the_configured_path(string provider)
    {
        var path = Path.Combine(directory, "configured.db");
        await using var services = Build(new() { ["Storage:Provider"] = provider, ["Storage:Sqlite:Path"] = path });

        var log = Assert.IsType<SqliteActivityLog>(services.GetRequiredService<IActivityLog>());

        Assert.Equal(path, log.FilePath);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("postgres")]
    [InlineData("POSTGRES")]
    public async Task The_Postgres_provider_name_is_case_insensitive(string provider)
    {
        await using var services = Build(new()
        {
            ["Storage:Provider"] = provider,
            ["Storage:Postgres:ConnectionString"] = PostgresConnectionString,
        });

        Assert.IsType<PostgresActivityLog>(services.GetRequiredService<IActivityLog>());
        Assert.Equal(PostgresConnectionString, services.GetRequiredService<PostgresStorageOptions>().ConnectionString);
    }

    [Fact]
    public async Task Every_store_on_PostgreSQL_shares_the_one_database_and_the_settings_are_read_once()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = PostgresConnectionString,
        }).Build();
        var collection = new ServiceCollection();

        var settings = collection.AddStorageSettings(configuration);
        collection.AddActivityLog(configuration).AddOrgStore(configuration).AddDeadLetterStore(configuration).AddWallboardStore(configuration);
        await using var services = collection.BuildServiceProvider();

        Assert.Equal(StorageProvider.Postgres, settings.Provider);
        Assert.Same(settings, collection.AddStorageSettings(configuration));
        Assert.Single(collection, d => d.ServiceType == typeof(StorageSettings));
        Assert.Single(collection, d => d.ServiceType == typeof(PostgresDatabase));
        Assert.Same(settings, services.GetRequiredService<StorageSettings>());
        Assert.Equal(PostgresConnectionString, services.GetRequiredService<PostgresDatabase>().Options.ConnectionString);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Storage:Provider"] = "Postgres" }));

        Assert.Contains("Storage:Postgres:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_key_and_the_allowed_values()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Storage:Provider"] = "Mongo" }));

        Assert.Contains("Storage:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Mongo'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite", error.Message, StringComparison.Ordinal);
        Assert.Contains("Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_stamps_ReceivedAt_with_the_TimeProvider_of_the_container()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 29, 0, 59, 0, TimeSpan.Zero));
        await using var services = Build(new() { ["Storage:Sqlite:Path"] = Path.Combine(directory, "clock.db") }, clock);

        var result = await services.GetRequiredService<IActivityLog>().AppendAsync(
            [new ActivityToAppend("a1", "anna", "call", clock.GetUtcNow(), 1, null, null)]);

        Assert.Equal(clock.GetUtcNow(), Assert.Single(result.Accepted).ReceivedAt);
    }

    [Fact]
    public async Task Without_a_TimeProvider_in_the_container_the_system_clock_is_used()
    {
        await using var services = Build(new() { ["Storage:Sqlite:Path"] = Path.Combine(directory, "system.db") });
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var result = await services.GetRequiredService<IActivityLog>().AppendAsync(
            [new ActivityToAppend("a1", "anna", "call", before, 1, null, null)]);

        Assert.InRange(Assert.Single(result.Accepted).ReceivedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddActivityLog(configuration);
        return services.BuildServiceProvider();
    }
}
