using System.Diagnostics;

namespace SalesCoach.Live.Server.Operations;

/// <summary>
/// The order a stopping node (SIGTERM, <c>docker stop</c>) goes in. The moment the host signals
/// <c>ApplicationStopping</c>: ingest lets no new batch in (503 with <c>Retry-After</c>, the client sends it elsewhere),
/// <c>/healthz</c> answers 503 "stopping" so a proxy stops sending traffic, and every hub connection is closed, so
/// TVs and browsers reconnect to another node at once rather than when the server finally drops them. Then, as this
/// service stops (registered after the silo, so it stops before it): it waits for the ingest batches in flight to be
/// written and handed to their grains, and only then lets the silo leave the cluster and hand its grains over.
/// </summary>
public sealed class GracefulShutdown(
    IHostApplicationLifetime lifetime, IngestDrain drain, OpenHubConnections hubs, ILogger<GracefulShutdown> logger) : IHostedService
{
    private readonly Stopwatch _since = new();
    private CancellationTokenRegistration _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = lifetime.ApplicationStopping.Register(BeginStopping);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Also when the host stops without ApplicationStopping having fired first (it always does in ASP.NET Core).
        BeginStopping();
        var inFlight = drain.InFlight;
        try
        {
            await drain.WhenIdleAsync().WaitAsync(cancellationToken);
            logger.LogInformation("Stopping: {InFlight} ingest batches in flight finished {Elapsed} ms after the stop began; the silo hands its grains over next",
                inFlight, _since.ElapsedMilliseconds);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Stopping: {InFlight} ingest batches were still in flight when the shutdown timeout ran out", drain.InFlight);
        }
    }

    private void BeginStopping()
    {
        if (drain.IsStopping)
        {
            return;
        }

        _since.Start();
        drain.BeginStopping();
        var closed = hubs.CloseAll();
        logger.LogInformation("Stopping: closed {Connections} hub connections; new ingest is refused with 503 while {InFlight} batches finish",
            closed, drain.InFlight);
        _stopping.Dispose();
    }
}
