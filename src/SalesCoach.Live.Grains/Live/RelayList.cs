using Microsoft.Extensions.Logging;
using SalesCoach.Live.Abstractions.Live;

namespace SalesCoach.Live.Grains.Live;

/// <summary>
/// A grain's copy of the cluster's relay list (one <see cref="ILiveRelay"/> per node), fetched from the
/// <see cref="ILiveRelayRegistryGrain"/> at most every <see cref="MaxAge"/>; the one cache the pushing grains share.
/// </summary>
internal sealed class RelayList(IGrainFactory grains, ILogger logger, string teamId)
{
    /// <summary>How long a fetched list is used before it is fetched again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private ILiveRelay[] _relays = [];
    private long _fetchedTicks;

    /// <summary>The relays to push to; the last list known when the registry does not answer.</summary>
    public async Task<ILiveRelay[]> GetAsync()
    {
        // Real elapsed time, not the injected clock: this is a cache of cluster state, not business time.
        var now = Environment.TickCount64;
        if (_relays.Length == 0 || now - _fetchedTicks > (long)MaxAge.TotalMilliseconds)
        {
            try
            {
                _relays = await grains.GetGrain<ILiveRelayRegistryGrain>(0).GetRelaysAsync();
                _fetchedTicks = now;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Pushes are best effort: clients see the version gap and ask for a snapshot.
                logger.LogWarning(e, "Could not fetch the relay list for team {TeamId}", teamId);
            }
        }

        return _relays;
    }
}
