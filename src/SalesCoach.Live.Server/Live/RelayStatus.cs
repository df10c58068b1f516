namespace SalesCoach.Live.Server.Live;

/// <summary>When this node's relay last registered with the cluster (for the health endpoint).</summary>
public sealed class RelayStatus
{
    private long _registeredAtTicks = -1;

    public void Registered() => Interlocked.Exchange(ref _registeredAtTicks, Environment.TickCount64);

    /// <summary>True when the last successful registration is recent (three registration intervals).</summary>
    public bool IsRegistered
    {
        get
        {
            var at = Interlocked.Read(ref _registeredAtTicks);
            return at >= 0 && Environment.TickCount64 - at < 3 * LiveRelayRegistration.Interval.TotalMilliseconds;
        }
    }
}
