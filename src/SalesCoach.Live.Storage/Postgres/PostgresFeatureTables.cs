using Npgsql;
using SalesCoach.Live.Storage.GroupCommit;

namespace SalesCoach.Live.Storage.Postgres;

/// <summary>
/// A feature's own tables (wallboards, dead letters, org revisions) in the shared PostgreSQL database: a data source
/// that connects at first use, the schema scripts applied then (and tried again after a failure), and connections
/// refused once the store is disposed.
/// </summary>
internal sealed class PostgresFeatureTables : IAsyncDisposable, IDisposable
{
    private readonly object owner;
    private readonly NpgsqlDataSource dataSource;
    private readonly InitializationGate initialization;
    private int disposed;

    /// <param name="options">The database.</param>
    /// <param name="owner">The store, named when a call comes after it was disposed.</param>
    public PostgresFeatureTables(PostgresStorageOptions options, object owner)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException($"The PostgreSQL connection string ({PostgresStorageOptions.ConnectionStringKey}) is empty.", nameof(options));
        }

        this.owner = owner;
        dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        initialization = new InitializationGate(cancellationToken => PostgresSchema.ApplyAsync(dataSource, cancellationToken));
    }

    /// <summary>An open connection, once the schema is in place.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, owner);
        await initialization.EnsureAsync(cancellationToken);
        return await dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Closes the data source's connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        initialization.Dispose();
        await dataSource.DisposeAsync();
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
