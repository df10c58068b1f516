using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Connectors;
using SalesCoach.Live.Storage.DeadLetters;
using SalesCoach.Live.Storage.Org;
using SalesCoach.Live.Storage.Postgres;
using SalesCoach.Live.Storage.Sqlite;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Storage;

/// <summary>Registers the stores chosen by configuration (<c>Storage:Provider</c>, read by <see cref="StorageSettings"/>).</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>The configuration key that chooses the store (<see cref="StorageSettings.ProviderKey"/>).</summary>
    public const string ProviderKey = StorageSettings.ProviderKey;

    /// <summary>
    /// Registers, once however often it is called, the <see cref="StorageSettings"/> read from
    /// <paramref name="configuration"/>, the chosen store's options record and, for PostgreSQL, the process's one
    /// <see cref="PostgresDatabase"/> (one data source shared by the log, the feature stores and the Orleans schema
    /// start-up). Returns the settings.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is not known, or PostgreSQL has no connection string.</exception>
    public static StorageSettings AddStorageSettings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.FirstOrDefault(d => d.ServiceType == typeof(StorageSettings) && !d.IsKeyedService)?.ImplementationInstance is StorageSettings registered)
        {
            return registered;
        }

        var settings = StorageSettings.Read(configuration);
        services.AddSingleton(settings);
        if (settings.Sqlite is { } sqlite)
        {
            services.TryAddSingleton(sqlite);
        }

        if (settings.Postgres is { } postgres)
        {
            services.TryAddSingleton(postgres);
            services.TryAddSingleton(serviceProvider => new PostgresDatabase(postgres, serviceProvider.GetService<ILogger<PostgresDatabase>>()));
        }

        return settings;
    }

    /// <summary>
    /// Registers <see cref="IActivityLog"/> as a singleton: <see cref="SqliteActivityLog"/> when <c>Storage:Provider</c>
    /// is <c>Sqlite</c> or absent, <see cref="PostgresActivityLog"/> when it is <c>Postgres</c> (case-insensitive).
    /// The options record of the chosen store is registered too (see <see cref="AddStorageSettings"/>). The store
    /// uses the <see cref="TimeProvider"/> registered in the container, or <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The provider is neither, or it is <c>Postgres</c> and <c>Storage:Postgres:ConnectionString</c> is empty.
    /// </exception>
    public static IServiceCollection AddActivityLog(this IServiceCollection services, IConfiguration configuration) =>
        services.AddStore<IActivityLog>(
            configuration,
            (options, serviceProvider) => new SqliteActivityLog(options, TimeOf(serviceProvider), serviceProvider.GetService<ILogger<SqliteActivityLog>>()),
            (database, serviceProvider) => new PostgresActivityLog(database, TimeOf(serviceProvider), serviceProvider.GetService<ILogger<PostgresActivityLog>>()));

    /// <summary>
    /// Registers <see cref="IWallboardStore"/> as a singleton in the same store as the activity log (chosen by
    /// <c>Storage:Provider</c> like <see cref="AddActivityLog"/>): <see cref="SqliteWallboardStore"/> in the same file,
    /// or <see cref="PostgresWallboardStore"/> in the same database, each with tables of its own.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is not known, or PostgreSQL has no connection string.</exception>
    public static IServiceCollection AddWallboardStore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddStore<IWallboardStore>(
            configuration,
            (options, serviceProvider) => new SqliteWallboardStore(options, TimeOf(serviceProvider)),
            (database, serviceProvider) => new PostgresWallboardStore(database, TimeOf(serviceProvider)));

    /// <summary>
    /// Registers <see cref="IDeadLetterStore"/> as a singleton in the same store as the activity log (chosen by
    /// <c>Storage:Provider</c> like <see cref="AddActivityLog"/>): <see cref="SqliteDeadLetterStore"/> in the same file,
    /// or <see cref="PostgresDeadLetterStore"/> in the same database, with a table of its own.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is not known, or PostgreSQL has no connection string.</exception>
    public static IServiceCollection AddDeadLetterStore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddStore<IDeadLetterStore>(
            configuration,
            (options, serviceProvider) => new SqliteDeadLetterStore(options, TimeOf(serviceProvider)),
            (database, serviceProvider) => new PostgresDeadLetterStore(database, TimeOf(serviceProvider)));

    /// <summary>
    /// Registers <see cref="IOrgStore"/> as a singleton in the same store as the activity log (chosen by
    /// <c>Storage:Provider</c> like <see cref="AddActivityLog"/>): <see cref="SqliteOrgStore"/> in the same file, or
    /// <see cref="PostgresOrgStore"/> in the same database, with a table of its own.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is not known, or PostgreSQL has no connection string.</exception>
    public static IServiceCollection AddOrgStore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddStore<IOrgStore>(
            configuration,
            (options, serviceProvider) => new SqliteOrgStore(options, TimeOf(serviceProvider)),
            (database, serviceProvider) => new PostgresOrgStore(database, TimeOf(serviceProvider)));

    /// <summary>
    /// Registers <see cref="IConnectorStore"/> (the connectors' inbox, waiting records, state and log) as a singleton in
    /// the same store as the activity log: <see cref="SqliteConnectorStore"/> in the same file, or
    /// <see cref="PostgresConnectorStore"/> in the same database.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is not known, or PostgreSQL has no connection string.</exception>
    public static IServiceCollection AddConnectorStore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddStore<IConnectorStore>(
            configuration,
            (options, serviceProvider) => new SqliteConnectorStore(options, TimeOf(serviceProvider)),
            (database, serviceProvider) => new PostgresConnectorStore(database, TimeOf(serviceProvider)));

    private static IServiceCollection AddStore<TService>(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<SqliteStorageOptions, IServiceProvider, TService> sqlite,
        Func<PostgresDatabase, IServiceProvider, TService> postgres)
        where TService : class
    {
        var settings = services.AddStorageSettings(configuration);
        if (settings.Sqlite is { } options)
        {
            services.AddSingleton(serviceProvider => sqlite(options, serviceProvider));
        }
        else
        {
            services.AddSingleton(serviceProvider => postgres(serviceProvider.GetRequiredService<PostgresDatabase>(), serviceProvider));
        }

        return services;
    }

    private static TimeProvider TimeOf(IServiceProvider serviceProvider) => serviceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
}
