using SalesCoach.Live.Abstractions.Live;

namespace SalesCoach.Live.Server.Live;

/// <summary>
/// Registers this node's relay with the cluster's registry at start (before the server takes requests) and again every
/// few seconds, so a registry that moved or restarted learns of it quickly; unregisters on a clean stop.
/// </summary>
public sealed class LiveRelayRegistration(
    IGrainFactory grains, NodeLiveRelay relay, ILocalSiloDetails silo, RelayStatus status, ILogger<LiveRelayRegistration> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly string _nodeId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private ILiveRelay? _reference;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<ILiveRelay>(relay);
        await RegisterAsync();
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await grains.GetGrain<ILiveRelayRegistryGrain>(0).UnregisterAsync(_nodeId).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogDebug(e, "Could not unregister relay {NodeId}", _nodeId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RegisterAsync();
        }
    }

    private async Task RegisterAsync()
    {
        try
        {
            await grains.GetGrain<ILiveRelayRegistryGrain>(0).RegisterAsync(_nodeId, silo.SiloAddress, _reference!);
            status.Registered();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Could not register relay {NodeId}; will retry", _nodeId);
        }
    }
}
