using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using SalesCoach.Live.Abstractions.Live;
using SalesCoach.Live.Abstractions.Reps;
using SalesCoach.Live.Abstractions.Teams;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Orleans;
using SalesCoach.Live.Storage.Sqlite;

namespace SalesCoach.Live.Grains.Tests.Infrastructure;

/// <summary>
/// One in-process silo with what the grains need: the test org, a real SQLite activity log in a temp folder (tests
/// append to it directly, as the ingest pipeline does), and a <see cref="FakeTimeProvider"/> as the business clock.
/// The fake clock also drives grain timers (so moving it fires the rep and team ticks), while Orleans' own
/// background loops (membership, messaging, directory) stay on real time. A recording relay is registered with the
/// relay registry the way each server node registers its own, and re-registered every few seconds as nodes do.
/// Orleans sockets set ReuseAddress, so two silos could silently share a port: the builder's
/// <see cref="TestClusterPortAllocator"/> gives every cluster its own free silo and gateway ports.
/// </summary>
public sealed class GrainCluster : IAsyncLifetime
{
    /// <summary>A Monday, well before any week the tests use.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"salescoach-grain-tests-{Guid.NewGuid():N}");
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _nodeId = $"grain-tests/{Guid.NewGuid():N}";
    private InProcessTestCluster? _cluster;
    private ILiveRelay? _relayReference;
    private Task _reRegistration = Task.CompletedTask;

    public GrainCluster()
    {
        Log = new SqliteActivityLog(new SqliteStorageOptions { Path = Path.Combine(_folder, "activities.db") }, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public Organization Org { get; } = OrgFile.Parse(TestOrg.Json, "grain-tests-org.json");

    public SqliteActivityLog Log { get; }

    public RecordingRelay Relay { get; } = new();

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    /// <summary>The silo's grain factory, as the server's own code (ingest pipeline, hub) sees it.</summary>
    public IGrainFactory Grains => Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Logging.SetMinimumLevel(LogLevel.Warning);
            host.Services.AddSingleton(Org);
            host.Services.AddSingleton<IActivityLog>(Log);
            host.Services.AddSingleton<TimeProvider>(Clock);
            host.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        });
        // The server's own grain storage ("store") and reminders, in a SQLite file beside the log.
        var storage = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SqliteStorageOptions.PathKey] = Path.Combine(_folder, "grains.db") })
            .Build();
        builder.ConfigureSilo((_, silo) => silo.AddSalesCoachStorage(storage));
        builder.ConfigureClientHost(host => host.Logging.SetMinimumLevel(LogLevel.Warning));
        _cluster = builder.Build();
        await _cluster.DeployAsync();

        // Like the server's relay: a strongly held object on the silo's node, referenced through the silo's factory.
        _relayReference = Grains.CreateObjectReference<ILiveRelay>(Relay);
        await RegisterRelayAsync();
        _reRegistration = ReRegisterAsync(_stopping.Token);
    }

    public async Task DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _reRegistration;
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        await Log.DisposeAsync();
        _stopping.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless.
        }
    }

    public IRepGrain Rep(string repId) => Grains.GetGrain<IRepGrain>(repId);

    public ITeamGrain Team(string teamId) => Grains.GetGrain<ITeamGrain>(teamId);

    public Team TeamOf(string teamId) => Org.FindTeam(teamId) ?? throw new ArgumentException($"No team '{teamId}'.", nameof(teamId));

    public async Task<BoardView> BoardAsync(string teamId) => new(await Team(teamId).GetSnapshotAsync());

    /// <summary>Appends to the log only, as if the node that did it died before telling any grain.</summary>
    public async Task<LoggedActivityMessage[]> AppendAsync(params ActivityToAppend[] activities)
    {
        var result = await Log.AppendAsync(activities);
        return [.. result.Accepted.Select(a => new LoggedActivityMessage(a.RepSeq, a.Id, a.Type, a.OccurredAt, a.Quantity, a.Value))];
    }

    /// <summary>What the ingest pipeline does: append durably, then hand each rep's new activities to its grain in one call.</summary>
    public async Task<LoggedActivityMessage[]> IngestAsync(params ActivityToAppend[] activities)
    {
        var accepted = await AppendAsync(activities);
        var repOf = activities.ToDictionary(a => a.Id, a => a.RepId, StringComparer.Ordinal);
        await Task.WhenAll(accepted.GroupBy(a => repOf[a.Id], StringComparer.Ordinal).Select(g => Rep(g.Key).ApplyAsync([.. g])));
        return accepted;
    }

    /// <summary>
    /// Moves the clock forward to the given local day and time of the week after the current one, in the team's
    /// time zone: a week (and so a day) no earlier test has put activities in.
    /// </summary>
    public DateTimeOffset StartFreshWeek(string teamId, DayOfWeek day, TimeSpan timeOfDay)
    {
        var calendar = TeamOf(teamId).Calendar;
        var today = calendar.LocalDate(Clock.GetUtcNow());
        var nextMonday = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
        return MoveClockTo(calendar.At(nextMonday.AddDays(((int)day + 6) % 7), timeOfDay));
    }

    /// <summary>Moves the clock forward to a local date and time of the team.</summary>
    public DateTimeOffset MoveClockTo(string teamId, DateOnly date, TimeSpan timeOfDay) =>
        MoveClockTo(TeamOf(teamId).Calendar.At(date, timeOfDay));

    /// <summary>Moves the clock forward (it never goes back); returns the instant in the team's offset if known.</summary>
    public DateTimeOffset MoveClockTo(DateTimeOffset instant)
    {
        if (instant < Clock.GetUtcNow())
        {
            throw new InvalidOperationException($"The test clock only moves forward: {instant:O} is before {Clock.GetUtcNow():O}.");
        }

        Clock.SetUtcNow(instant);
        return instant;
    }

    /// <summary>Deactivates a grain and waits until it is gone; the next call activates a fresh one.</summary>
    public Task DeactivateAsync(IAddressable grain) => Cluster.DeactivateAsync(grain);

    /// <summary>Polls (real time) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Lets business time pass: moves the clock <paramref name="step"/> at a time (firing the grain timers that are due)
    /// until <paramref name="condition"/> holds, giving the grains a little real time after each step. Returns the
    /// instant at which it first held.
    /// </summary>
    public async Task<DateTimeOffset> StepClockUntilAsync(TimeSpan step, Func<Task<bool>> condition, int maxSteps)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            Clock.Advance(step);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
            do
            {
                if (await condition())
                {
                    return Clock.GetUtcNow();
                }

                await Task.Delay(20);
            }
            while (DateTime.UtcNow < deadline);
        }

        throw new TimeoutException($"The condition did not hold within {maxSteps} steps of {step}.");
    }

    public Task RegisterRelayAsync() =>
        Grains.GetGrain<ILiveRelayRegistryGrain>(0).RegisterAsync(_nodeId, Cluster.Silos[0].SiloAddress, _relayReference!);

    private async Task ReRegisterAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RegisterRelayAsync();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Like a node: try again on the next tick.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
