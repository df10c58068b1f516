using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using SalesCoach.Live.Storage.Orleans.Postgres;
using SalesCoach.Live.Storage.Orleans.Serialization;
using SalesCoach.Live.Storage.Orleans.Sqlite;
using SalesCoach.Live.Storage.Postgres;
using SalesCoach.Live.Storage.Sqlite;

namespace SalesCoach.Live.Storage.Orleans;

/// <summary>
/// Orleans grain storage and reminders on the store chosen by <c>Storage:Provider</c>, the same one the activity log
/// uses: the embedded SQLite file, or PostgreSQL through the Orleans ADO.NET providers (whose schema and named queries
/// are applied before the silo starts).
/// </summary>
public static class OrleansStorageSiloBuilderExtensions
{
    /// <summary>The name grains give the storage: <c>[PersistentState("stateName", OrleansStorageSiloBuilderExtensions.StoreName)]</c>.</summary>
    public const string StoreName = "store";

    /// <summary>The ADO.NET invariant of Npgsql, for the Orleans ADO.NET providers.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Adds the grain storage <see cref="StoreName"/> (state as plain JSON, see <see cref="JsonGrainStateSerializer"/>)
    /// and the reminder service with a durable table. SQLite: <see cref="SqliteGrainStorage"/> and
    /// <see cref="SqliteReminderTable"/> in the file of <c>Storage:Sqlite:Path</c>. PostgreSQL: the ADO.NET grain
    /// storage and reminder table on <c>Storage:Postgres:ConnectionString</c>, after <see cref="PostgresMigrations"/>
    /// ran at the first stage of the silo's start. Clustering is not chosen here.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is unknown, or PostgreSQL has no connection string.</exception>
    public static ISiloBuilder AddSalesCoachStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var serializer = new JsonGrainStateSerializer();
        silo.AddReminders();

        if (PostgresConnectionString(configuration) is { } connectionString)
        {
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
                new PostgresSchemaStartup(connectionString, services.GetRequiredService<ILogger<PostgresSchemaStartup>>()));
            silo.AddAdoNetGrainStorage(StoreName, options =>
            {
                options.Invariant = PostgresInvariant;
                options.ConnectionString = connectionString;
                options.GrainStorageSerializer = serializer;
            });
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = PostgresInvariant;
                options.ConnectionString = connectionString;
            });
            return silo;
        }

        var path = configuration[SqliteStorageOptions.PathKey];
        var sqlite = new SqliteStorageOptions { Path = string.IsNullOrWhiteSpace(path) ? SqliteStorageOptions.DefaultPath : path };
        silo.Services.AddSingleton(_ => new SqliteGrainDatabase(sqlite));
        silo.Services.AddGrainStorage(StoreName, (services, _) => new SqliteGrainStorage(
            services.GetRequiredService<SqliteGrainDatabase>(),
            ServiceIdOf(services),
            serializer,
            services.GetRequiredService<IActivatorProvider>()));
        silo.Services.AddSingleton<IReminderTable>(services => new SqliteReminderTable(services.GetRequiredService<SqliteGrainDatabase>(), ServiceIdOf(services)));
        return silo;
    }

    /// <summary>
    /// The PostgreSQL connection string when <c>Storage:Provider</c> is <c>Postgres</c>; null for SQLite (the default).
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is unknown, or PostgreSQL has no connection string.</exception>
    public static string? PostgresConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[StorageServiceCollectionExtensions.ProviderKey]?.Trim();
        if (string.IsNullOrEmpty(provider) || string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{StorageServiceCollectionExtensions.ProviderKey} is '{provider}', which is not a known store; allowed values are 'Sqlite' (the default) and 'Postgres'.");
        }

        var connectionString = configuration[PostgresStorageOptions.ConnectionStringKey];
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                $"{StorageServiceCollectionExtensions.ProviderKey} is 'Postgres' but {PostgresStorageOptions.ConnectionStringKey} is not set.")
            : connectionString;
    }

    private static string ServiceIdOf(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
}
