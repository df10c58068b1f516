using Microsoft.Extensions.Logging;
using Npgsql;

namespace SalesCoach.Live.Storage.Orleans.Postgres;

/// <summary>
/// Applies <see cref="PostgresMigrations"/> as the very first step of the silo's start, before membership, grain
/// storage or reminders read their queries from the database. A database that is not reachable yet (containers
/// starting together) is tried again for <see cref="PatienceWindow"/>; a script that fails stops the start.
/// </summary>
internal sealed partial class PostgresSchemaStartup(string connectionString, ILogger<PostgresSchemaStartup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public static readonly TimeSpan PatienceWindow = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresSchemaStartup), ServiceLifecycleStage.First, ApplyAsync, _ => Task.CompletedTask);

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + PatienceWindow;
        while (true)
        {
            try
            {
                var applied = await PostgresMigrations.ApplyAsync(connectionString, cancellationToken);
                LogApplied(applied.Count, string.Join(", ", applied));
                return;
            }
            catch (NpgsqlException e) when (e is not PostgresException && e.IsTransient && DateTime.UtcNow < deadline)
            {
                LogWaiting(e.Message);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema in place ({Count} scripts: {Scripts})")]
    private partial void LogApplied(int count, string scripts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is not reachable yet ({Reason}); trying again")]
    private partial void LogWaiting(string reason);
}
