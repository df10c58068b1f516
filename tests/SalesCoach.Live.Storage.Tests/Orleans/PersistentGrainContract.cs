using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using SalesCoach.Live.Storage.Orleans;

namespace SalesCoach.Live.Storage.Tests.Orleans;

/// <summary>
/// The wiring end to end, on a real silo: <see cref="OrleansStorageSiloBuilderExtensions.AddSalesCoachStorage"/> with
/// the store's configuration, a grain with <c>[PersistentState(..., "store")]</c> and a reminder, and a second silo
/// started on the same store after the first stopped. Each store's class says only what the configuration is.
/// </summary>
public abstract class PersistentGrainContract : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private InProcessTestCluster? _cluster;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await StopAsync();

    [Fact]
    public async Task A_grain_keeps_its_state_and_its_reminder_across_a_restart_of_the_silo()
    {
        var grain = (await StartAsync()).GetGrain<ITallyGrain>("anna");
        await grain.AddCallsAsync(5);
        await grain.StartTickingAsync(TimeSpan.FromSeconds(1));
        await WaitForAsync(async () => (await grain.GetAsync())[1] >= 1, "the reminder to tick on the first silo");
        await StopAsync();

        grain = (await StartAsync()).GetGrain<ITallyGrain>("anna");
        var afterRestart = await grain.GetAsync();
        Assert.Equal(5, afterRestart[0]);
        Assert.True(afterRestart[1] >= 1, $"ticks lost: {afterRestart[1]}");
        await WaitForAsync(async () => (await grain.GetAsync())[1] > afterRestart[1], "the reminder to tick on the second silo");

        await grain.StopTickingAsync();
        var reminders = _cluster!.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        Assert.Null(await reminders.ReadRow(GrainId.Create("tally", "anna"), TallyGrain.ReminderName));
        await grain.AddCallsAsync(1);
        Assert.Equal(6, (await grain.GetAsync())[0]);
    }

    /// <summary>The store's settings (<c>Storage:Provider</c> and its section), as the server reads them.</summary>
    protected abstract IConfiguration StoreConfiguration();

    private async Task<IClusterClient> StartAsync()
    {
        var configuration = StoreConfiguration();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = "wiring-tests";
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSalesCoachStorage(configuration);
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        builder.ConfigureSiloHost((_, host) => host.Logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureClientHost(host => host.Logging.SetMinimumLevel(LogLevel.Warning));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        return _cluster.Client;
    }

    private async Task StopAsync()
    {
        if (_cluster is { } cluster)
        {
            _cluster = null;
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {Patience} for {what}.");
            await Task.Delay(200);
        }
    }
}
