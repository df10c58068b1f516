namespace SalesCoach.Live.Server.Connectors;

/// <summary>Wakes the processor when a webhook was stored, so it need not wait for its next look.</summary>
public sealed class ConnectorWake
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Ring()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already rung.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => signal.WaitAsync(cancellationToken);
}

/// <summary>
/// The hosted service that runs the enabled connectors: drains each inbox (one item at a time per connector across a
/// cluster, by the store's leases), counts waiting records whose user got mapped, runs each periodic sync when due,
/// and publishes the inbox figures to the meter. Times come from the registered <see cref="TimeProvider"/>.
/// </summary>
public sealed class ConnectorProcessor(
    IEnumerable<IConnectorSource> sources,
    ConnectorRunner runner,
    SalesCoach.Live.Storage.Connectors.IConnectorStore store,
    ConnectorSettings settings,
    ConnectorWake wake,
    TimeProvider time,
    ILogger<ConnectorProcessor> logger) : BackgroundService
{
    private const int MaxItemsPerRound = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var enabled = sources.Where(s => s.Options.Enabled).ToList();
        if (enabled.Count == 0)
        {
            return;
        }

        logger.LogInformation("Connectors running: {Connectors}", string.Join(", ", enabled.Select(s => s.Name)));
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var source in enabled)
            {
                try
                {
                    await RoundAsync(source, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The store did not answer: the inbox keeps everything; try again next round.
                    logger.LogWarning(e, "Connector {Connector}: a processing round failed", source.Name);
                }
            }

            try
            {
                using var round = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(wake.WaitAsync(round.Token), Task.Delay(settings.ProcessInterval, time, round.Token));
                await round.CancelAsync();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task RoundAsync(IConnectorSource source, CancellationToken cancellationToken)
    {
        for (var i = 0; i < MaxItemsPerRound && await runner.ProcessNextAsync(source, cancellationToken); i++)
        {
        }

        await runner.CountWaitingAsync(source, cancellationToken);
        if (source.PollInterval is { } poll)
        {
            var state = await store.GetStateAsync(source.Name, cancellationToken);
            var now = time.GetUtcNow();
            if ((state.LastSyncAt is null || state.LastSyncAt + poll <= now) && (state.FailingSince is null || state.LastErrorAt is null || state.LastErrorAt + settings.RetryBase <= now))
            {
                try
                {
                    await runner.SyncAsync(source, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Recorded by the runner; the next round tries again after the back-off.
                }
            }
        }

        var figures = await store.FiguresAsync(source.Name, time.GetUtcNow(), cancellationToken);
        ConnectorTelemetry.Observe(source.Name, figures.Pending, figures.OldestPendingAt is { } oldest ? time.GetUtcNow() - oldest : TimeSpan.Zero);
    }
}
