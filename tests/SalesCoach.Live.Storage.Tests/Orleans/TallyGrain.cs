using SalesCoach.Live.Storage.Orleans;

namespace SalesCoach.Live.Storage.Tests.Orleans;

/// <summary>
/// Counts calls and reminder ticks in persistent state, written after every change, so a test can see that both the
/// state and the reminder outlive the silo.
/// </summary>
public sealed class TallyGrain(
    [PersistentState("ticking-tally", OrleansStorageSiloBuilderExtensions.StoreName)] IPersistentState<TickingTallyState> state) : Grain, ITallyGrain, IRemindable
{
    public const string ReminderName = "tick";

    public async Task AddCallsAsync(int calls)
    {
        state.State.Calls += calls;
        await state.WriteStateAsync();
    }

    public Task<int[]> GetAsync() => Task.FromResult(new[] { state.State.Calls, state.State.Ticks });

    public Task StartTickingAsync(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMilliseconds(200), period);

    public async Task StopTickingAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
