namespace SalesCoach.Live.Storage.Tests.Orleans;

/// <summary>The state of <see cref="TallyGrain"/>.</summary>
public sealed class TickingTallyState
{
    public int Calls { get; set; }

    public int Ticks { get; set; }
}
