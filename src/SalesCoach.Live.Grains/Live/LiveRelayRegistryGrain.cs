using SalesCoach.Live.Abstractions.Live;

namespace SalesCoach.Live.Grains.Live;

/// <summary>
/// Keeps the relay of each node. A node that stops re-registering for <see cref="Expiry"/>, or whose silo cluster
/// membership no longer calls active, drops out, so pushes never wait on dead nodes for long.
/// </summary>
public sealed class LiveRelayRegistryGrain(IClusterMembershipService membership) : Grain, ILiveRelayRegistryGrain
{
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Task RegisterAsync(string nodeId, SiloAddress silo, ILiveRelay relay)
    {
        _entries[nodeId] = new Entry(silo, relay, Environment.TickCount64);
        return Task.CompletedTask;
    }

    public Task UnregisterAsync(string nodeId)
    {
        _entries.Remove(nodeId);
        return Task.CompletedTask;
    }

    public Task<ILiveRelay[]> GetRelaysAsync()
    {
        var now = Environment.TickCount64;
        var snapshot = membership.CurrentSnapshot;
        foreach (var (nodeId, entry) in _entries.ToList())
        {
            var status = snapshot.GetSiloStatus(entry.Silo);
            var dead = status is SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping;
            if (dead || now - entry.SeenAt > (long)Expiry.TotalMilliseconds)
            {
                _entries.Remove(nodeId);
            }
        }

        return Task.FromResult(_entries.Values.Select(e => e.Relay).ToArray());
    }

    private sealed record Entry(SiloAddress Silo, ILiveRelay Relay, long SeenAt);
}
