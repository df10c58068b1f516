using Microsoft.Extensions.Logging;
using Npgsql;
using SalesCoach.Live.Storage.Postgres;

namespace SalesCoach.Live.Storage.Orleans.Postgres;

/// <summary>
/// Applies the PostgreSQL schema (the scripts of <c>deploy/sql/postgres</c>, through the process's one
/// <see cref="PostgresDatabase"/>) as the very first step of the silo's start, before membership, grain storage or
/// reminders read their queries from the database. A database that is not reachable yet (containers starting
/// together) is tried again for <see cref="PatienceWindow"/>; a script that fails stops the start.
/// </summary>
internal sealed partial class PostgresSchemaStartup(PostgresDatabase database, ILogger<PostgresSchemaStartup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public static readonly TimeSpan PatienceWindow = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresSchemaStartup), ServiceLifecycleStage.First, ApplyAsync, _ => Task.CompletedTask);

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        // Real time on purpose: this waits for a real database, whatever clock the product's rules run on.
        var deadline = DateTime.UtcNow + PatienceWindow;
        while (true)
        {
            try
            {
                await database.EnsureSchemaAsync(cancellationToken);
                LogInPlace();
                return;
            }
            catch (NpgsqlException e) when (e is not PostgresException && e.IsTransient && DateTime.UtcNow < deadline)
            {
                LogWaiting(e.Message);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema in place")]
    private partial void LogInPlace();

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is not reachable yet ({Reason}); trying again")]
    private partial void LogWaiting(string reason);
}
