using Microsoft.Extensions.Configuration;
using SalesCoach.Live.Storage.Postgres;
using SalesCoach.Live.Storage.Sqlite;

namespace SalesCoach.Live.Storage;

/// <summary>
/// The store configuration decides on: <c>Storage:Provider</c> and the chosen store's settings. <see cref="Read"/> is
/// the one place that reads <c>Storage:Provider</c>; the storage registration, the Orleans storage and clustering, and
/// the import command all take its answer.
/// </summary>
/// <param name="Provider">The chosen store.</param>
/// <param name="Sqlite">The embedded store's settings, when it is chosen.</param>
/// <param name="Postgres">PostgreSQL's settings, when it is chosen.</param>
public sealed record StorageSettings(StorageProvider Provider, SqliteStorageOptions? Sqlite, PostgresStorageOptions? Postgres)
{
    /// <summary>The configuration key that chooses the store.</summary>
    public const string ProviderKey = "Storage:Provider";

    /// <summary>
    /// The store of <paramref name="configuration"/>: SQLite when <c>Storage:Provider</c> is <c>Sqlite</c> or absent
    /// (at <c>Storage:Sqlite:Path</c>, or <see cref="SqliteStorageOptions.DefaultPath"/>), PostgreSQL when it is
    /// <c>Postgres</c> (case-insensitive) with <c>Storage:Postgres:ConnectionString</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The provider is neither, or it is <c>Postgres</c> and the connection string is empty: checked when the server
    /// starts rather than at first use, so that a misconfigured server stops saying why.
    /// </exception>
    public static StorageSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[ProviderKey]?.Trim();
        if (string.IsNullOrEmpty(provider) || string.Equals(provider, nameof(StorageProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            var path = configuration[SqliteStorageOptions.PathKey];
            return new StorageSettings(
                StorageProvider.Sqlite,
                new SqliteStorageOptions { Path = string.IsNullOrWhiteSpace(path) ? SqliteStorageOptions.DefaultPath : path },
                null);
        }

        if (string.Equals(provider, nameof(StorageProvider.Postgres), StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration[PostgresStorageOptions.ConnectionStringKey];
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException(
                    $"{ProviderKey} is 'Postgres' but {PostgresStorageOptions.ConnectionStringKey} is not set; " +
                    "give it an Npgsql connection string (environment variable Storage__Postgres__ConnectionString).")
                : new StorageSettings(StorageProvider.Postgres, null, new PostgresStorageOptions { ConnectionString = connectionString });
        }

        throw new InvalidOperationException(
            $"{ProviderKey} is '{configuration[ProviderKey]}', which is not a known store; allowed values are 'Sqlite' (the default) and 'Postgres'.");
    }

    /// <summary>A short description for messages: <c>Sqlite store at /full/path.db</c> or <c>Postgres store</c>.</summary>
    public string Describe() => Sqlite is { } sqlite
        ? $"{Provider} store at {System.IO.Path.GetFullPath(sqlite.Path)}"
        : $"{Provider} store";
}
