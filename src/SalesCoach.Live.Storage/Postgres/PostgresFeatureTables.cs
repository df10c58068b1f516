using Npgsql;

namespace SalesCoach.Live.Storage.Postgres;

/// <summary>
/// A feature's own tables (wallboards, dead letters, org revisions) in the shared PostgreSQL database: connections of
/// the process's <see cref="PostgresDatabase"/>, once its schema is in place, and refused once the store is disposed.
/// </summary>
internal sealed class PostgresFeatureTables : IAsyncDisposable, IDisposable
{
    private readonly object owner;
    private readonly PostgresDatabase database;
    private readonly bool ownsDatabase;
    private int disposed;

    /// <param name="database">The shared database.</param>
    /// <param name="ownsDatabase">Whether disposing the store disposes <paramref name="database"/> (made for it alone).</param>
    /// <param name="owner">The store, named when a call comes after it was disposed.</param>
    public PostgresFeatureTables(PostgresDatabase database, bool ownsDatabase, object owner)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.owner = owner;
    }

    /// <summary>An open connection, once the schema is in place.</summary>
    public Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, owner);
        return database.OpenAsync(cancellationToken);
    }

    /// <summary>Closes the data source's connections when the store made it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        if (ownsDatabase)
        {
            await database.DisposeAsync();
        }
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
