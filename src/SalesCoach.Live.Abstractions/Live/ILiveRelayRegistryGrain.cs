namespace SalesCoach.Live.Abstractions.Live;

/// <summary>
/// The cluster's list of node relays (use key 0). Nodes re-register every few seconds; entries of nodes that stop
/// doing so, or that cluster membership no longer calls active, are dropped.
/// </summary>
public interface ILiveRelayRegistryGrain : IGrainWithIntegerKey
{
    Task RegisterAsync(string nodeId, SiloAddress silo, ILiveRelay relay);

    Task UnregisterAsync(string nodeId);

    Task<ILiveRelay[]> GetRelaysAsync();
}
