namespace SalesCoach.Live.Server.Live;

/// <summary>Settings of the live hub (configuration section <c>Live</c>).</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>
    /// A client whose oldest waiting push has waited this long is dropped (<c>Live:SlowClientSeconds</c>, default 10).
    /// </summary>
    public TimeSpan SlowClientTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A client with this many pushes waiting is dropped at once (<c>Live:SlowClientMaxPending</c>, default 200).</summary>
    public int SlowClientMaxPending { get; set; } = 200;
}
