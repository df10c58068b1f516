using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.DeadLetters;
using SalesCoach.Live.Storage.Org;
using SalesCoach.Live.Storage.Postgres;
using SalesCoach.Live.Storage.Sqlite;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Storage;

/// <summary>Registers the activity log chosen by configuration (<c>Storage:Provider</c>).</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>The configuration key that chooses the store.</summary>
    public const string ProviderKey = "Storage:Provider";

    /// <summary>
    /// Registers <see cref="IActivityLog"/> as a singleton: <see cref="SqliteActivityLog"/> when <c>Storage:Provider</c>
    /// is <c>Sqlite</c> or absent, <see cref="PostgresActivityLog"/> when it is <c>Postgres</c> (case-insensitive).
    /// The options record of the chosen store is registered too. The store uses the <see cref="TimeProvider"/>
    /// registered in the container, or <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The provider is neither, or it is <c>Postgres</c> and <c>Storage:Postgres:ConnectionString</c> is empty.
    /// </exception>
    public static IServiceCollection AddActivityLog(this IServiceCollection services, IConfiguration configuration) =>
        services.AddStore<IActivityLog>(
            configuration,
            (options, serviceProvider) => new SqliteActivityLog(options, TimeOf(serviceProvider), serviceProvider.GetService<ILogger<SqliteActivityLog>>()),
            (options, serviceProvider) => new PostgresActivityLog(options, TimeOf(serviceProvider), serviceProvider.GetService<ILogger<PostgresActivityLog>>()),
            registerOptions: true);

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
            (options, serviceProvider) => new PostgresWallboardStore(options, TimeOf(serviceProvider)));

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
            (options, serviceProvider) => new PostgresDeadLetterStore(options, TimeOf(serviceProvider)));

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
            (options, serviceProvider) => new PostgresOrgStore(options, TimeOf(serviceProvider)));

    // The one place that reads Storage:Provider: checked here rather than at first use, so that a misconfigured server
    // stops at start-up, saying why.
    private static IServiceCollection AddStore<TService>(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<SqliteStorageOptions, IServiceProvider, TService> sqlite,
        Func<PostgresStorageOptions, IServiceProvider, TService> postgres,
        bool registerOptions = false)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var provider = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(provider) || string.Equals(provider.Trim(), "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var path = configuration[SqliteStorageOptions.PathKey];
            var options = new SqliteStorageOptions { Path = string.IsNullOrWhiteSpace(path) ? SqliteStorageOptions.DefaultPath : path };
            if (registerOptions)
            {
                services.AddSingleton(options);
            }

            services.AddSingleton(serviceProvider => sqlite(options, serviceProvider));
            return services;
        }

        if (string.Equals(provider.Trim(), "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration[PostgresStorageOptions.ConnectionStringKey];
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"{ProviderKey} is 'Postgres' but {PostgresStorageOptions.ConnectionStringKey} is not set; " +
                    "give it an Npgsql connection string (environment variable Storage__Postgres__ConnectionString).");
            }

            var options = new PostgresStorageOptions { ConnectionString = connectionString };
            if (registerOptions)
            {
                services.AddSingleton(options);
            }

            services.AddSingleton(serviceProvider => postgres(options, serviceProvider));
            return services;
        }

        throw new InvalidOperationException(
            $"{ProviderKey} is '{provider}', which is not a known store; allowed values are 'Sqlite' (the default) and 'Postgres'.");
    }

    private static TimeProvider TimeOf(IServiceProvider serviceProvider) => serviceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
}
