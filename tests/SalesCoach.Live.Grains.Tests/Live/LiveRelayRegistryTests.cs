using System.Collections;
using System.Reflection;
using SalesCoach.Live.Abstractions.Live;
using SalesCoach.Live.Grains.Live;
using SalesCoach.Live.Grains.Tests.Infrastructure;

namespace SalesCoach.Live.Grains.Tests.Live;

/// <summary>
/// The registry of node relays keeps a relay while its node re-registers, and drops it once the node has been silent
/// for longer than <see cref="LiveRelayRegistryGrain.Expiry"/>. Each test uses a registry of its own (the servers use
/// key 0), so the team grains' relay list is never touched.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveRelayRegistryTests(GrainCluster cluster)
{
    [Fact]
    public async Task A_relay_that_has_not_re_registered_for_longer_than_the_expiry_is_dropped()
    {
        var registry = cluster.Grains.GetGrain<ILiveRelayRegistryGrain>(101);
        var silo = cluster.Cluster.Silos[0].SiloAddress;
        var (silent, silentRelay) = NewRelay();
        var (recent, recentRelay) = NewRelay();
        var (returning, returningRelay) = NewRelay();
        await registry.RegisterAsync("silent", silo, silent);
        await registry.RegisterAsync("recent", silo, recent);
        await registry.RegisterAsync("returning", silo, returning);

        // The expiry runs on real elapsed time (Environment.TickCount64), which no test clock reaches: rather than wait
        // 30 seconds, the test backdates the registrations, as if the nodes had last called that long ago.
        LastSeen(registry, "silent", LiveRelayRegistryGrain.Expiry + TimeSpan.FromSeconds(1));
        LastSeen(registry, "recent", LiveRelayRegistryGrain.Expiry - TimeSpan.FromSeconds(5));
        LastSeen(registry, "returning", LiveRelayRegistryGrain.Expiry + TimeSpan.FromSeconds(1));
        await registry.RegisterAsync("returning", silo, returning);

        var relays = await registry.GetRelaysAsync();

        Assert.Equal(2, relays.Length);
        Assert.Contains(recent, relays);
        Assert.Contains(returning, relays);
        Assert.DoesNotContain(silent, relays);

        // Once dropped, it stays dropped until its node registers again.
        Assert.DoesNotContain(silent, await registry.GetRelaysAsync());
        await registry.RegisterAsync("silent", silo, silent);
        Assert.Contains(silent, await registry.GetRelaysAsync());
        GC.KeepAlive(silentRelay);
        GC.KeepAlive(recentRelay);
        GC.KeepAlive(returningRelay);
    }

    [Fact]
    public async Task A_node_that_registers_again_keeps_one_entry_and_one_that_unregisters_is_gone()
    {
        var registry = cluster.Grains.GetGrain<ILiveRelayRegistryGrain>(102);
        var silo = cluster.Cluster.Silos[0].SiloAddress;
        var (first, firstRelay) = NewRelay();
        var (second, secondRelay) = NewRelay();

        await registry.RegisterAsync("node-a", silo, first);
        await registry.RegisterAsync("node-a", silo, first);
        await registry.RegisterAsync("node-b", silo, second);
        Assert.Equal(2, (await registry.GetRelaysAsync()).Length);

        await registry.UnregisterAsync("node-a");
        Assert.Equal([second], await registry.GetRelaysAsync());
        GC.KeepAlive(firstRelay);
        GC.KeepAlive(secondRelay);
    }

    private (ILiveRelay Reference, RecordingRelay Relay) NewRelay()
    {
        var relay = new RecordingRelay();
        return (cluster.Grains.CreateObjectReference<ILiveRelay>(relay), relay);
    }

    /// <summary>Rewrites when the registry last heard from a node, by reaching into the live grain's entries.</summary>
    private void LastSeen(ILiveRelayRegistryGrain registry, string nodeId, TimeSpan ago)
    {
        Assert.True(cluster.Cluster.TryGetGrainContext(registry.GetGrainId(), out var context), "The registry is not active.");
        var grain = Assert.IsType<LiveRelayRegistryGrain>(context.GrainInstance);
        var field = typeof(LiveRelayRegistryGrain).GetField("_entries", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new MissingFieldException(nameof(LiveRelayRegistryGrain), "_entries");
        var entries = (IDictionary)field.GetValue(grain)!;
        var entry = entries[nodeId] ?? throw new KeyNotFoundException(nodeId);
        var type = entry.GetType();
        var silo = type.GetProperty("Silo")!.GetValue(entry);
        var relay = type.GetProperty("Relay")!.GetValue(entry);
        entries[nodeId] = Activator.CreateInstance(type, silo, relay, Environment.TickCount64 - (long)ago.TotalMilliseconds);
    }
}
