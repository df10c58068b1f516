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

namespace SalesCoach.Live.Storage.Orleans;

/// <summary>
/// Orleans grain storage and reminders on the store chosen by <c>Storage:Provider</c> (read by
/// <see cref="StorageSettings"/>), the same one the activity log uses: the embedded SQLite file, or PostgreSQL through
/// the Orleans ADO.NET providers (whose schema and named queries are applied before the silo starts).
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
    /// storage and reminder table on <c>Storage:Postgres:ConnectionString</c>, after the schema scripts ran (through
    /// the shared <see cref="PostgresDatabase"/>) at the first stage of the silo's start. Clustering is not chosen here.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is unknown, or PostgreSQL has no connection string.</exception>
    public static ISiloBuilder AddSalesCoachStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var serializer = new JsonGrainStateSerializer();
        silo.AddReminders();

        var settings = silo.Services.AddStorageSettings(configuration);
        if (settings.Postgres is { } postgres)
        {
            // The schema goes through the process's one data source (the one the log and the feature stores use).
            // The ADO.NET providers below cannot take a data source: they open their own connections from the
            // connection string, through Npgsql's provider factory and its pool for that string.
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => new PostgresSchemaStartup(
                services.GetRequiredService<PostgresDatabase>(),
                services.GetRequiredService<ILogger<PostgresSchemaStartup>>()));
            silo.AddAdoNetGrainStorage(StoreName, options =>
            {
                options.Invariant = PostgresInvariant;
                options.ConnectionString = postgres.ConnectionString;
                options.GrainStorageSerializer = serializer;
            });
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = PostgresInvariant;
                options.ConnectionString = postgres.ConnectionString;
            });
            return silo;
        }

        var sqlite = settings.Sqlite!;
        silo.Services.AddSingleton(_ => new SqliteGrainDatabase(sqlite));
        silo.Services.AddGrainStorage(StoreName, (services, _) => new SqliteGrainStorage(
            services.GetRequiredService<SqliteGrainDatabase>(),
            ServiceIdOf(services),
            serializer,
            services.GetRequiredService<IActivatorProvider>()));
        silo.Services.AddSingleton<IReminderTable>(services => new SqliteReminderTable(services.GetRequiredService<SqliteGrainDatabase>(), ServiceIdOf(services)));
        return silo;
    }

    private static string ServiceIdOf(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
}
