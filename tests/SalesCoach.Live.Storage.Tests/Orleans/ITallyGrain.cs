namespace SalesCoach.Live.Storage.Tests.Orleans;

/// <summary>A test-only grain with persistent state in the storage <c>store</c> and a reminder.</summary>
public interface ITallyGrain : IGrainWithStringKey
{
    Task AddCallsAsync(int calls);

    /// <summary>The stored state as { calls, reminder ticks }.</summary>
    Task<int[]> GetAsync();

    Task StartTickingAsync(TimeSpan period);

    Task StopTickingAsync();
}
