using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SalesCoach.Live.Storage.GroupCommit;
using SalesCoach.Live.Storage.Schema;

namespace SalesCoach.Live.Storage.Postgres;

/// <summary>
/// The process's one way into PostgreSQL: one <see cref="NpgsqlDataSource"/> (one connection pool) shared by the
/// activity log and the feature stores, and the schema (<see cref="SchemaScripts.Postgres"/>) applied once, at first
/// use or when the silo starts, whichever comes first (and tried again after a failure). Registered once in the
/// container by the storage registration; a store made from bare options makes (and owns) one of its own.
/// </summary>
public sealed partial class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly InitializationGate schema;
    private readonly ILogger logger;
    private int disposed;

    /// <summary>Creates the data source; nothing connects before the first call.</summary>
    public PostgresDatabase(PostgresStorageOptions options, ILogger<PostgresDatabase>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException($"The PostgreSQL connection string ({PostgresStorageOptions.ConnectionStringKey}) is empty.", nameof(options));
        }

        Options = options;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        DataSource = NpgsqlDataSource.Create(options.ConnectionString);
        schema = new InitializationGate(ApplySchemaAsync);
    }

    /// <summary>The settings it was made from (the Orleans ADO.NET providers take the connection string).</summary>
    public PostgresStorageOptions Options { get; }

    /// <summary>The shared data source. Open connections only after <see cref="EnsureSchemaAsync"/>.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Applies the schema scripts not yet recorded, once per process (again after a failure).</summary>
    public ValueTask EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        return schema.EnsureAsync(cancellationToken);
    }

    /// <summary>An open connection of the shared pool, once the schema is in place.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await DataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Closes the pool's connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        schema.Dispose();
        await DataSource.DisposeAsync();
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task ApplySchemaAsync(CancellationToken cancellationToken)
    {
        var result = await PostgresSchemaRunner.ApplyAsync(DataSource, SchemaScripts.Postgres, cancellationToken);
        if (!result.UpToDate)
        {
            LogSchema(string.Join(", ", result.Applied), string.Join(", ", result.Adopted));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema scripts applied: [{Applied}]; found in place and recorded: [{Adopted}]")]
    private partial void LogSchema(string applied, string adopted);
}
