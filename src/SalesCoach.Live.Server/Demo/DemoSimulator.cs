using Microsoft.Extensions.Options;
using SalesCoach.Live.Abstractions.Ingest;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Ingest;

namespace SalesCoach.Live.Server.Demo;

/// <summary>
/// Streams a believable day through the ingest pipeline (the same rules, log and grains as the HTTP endpoint), as
/// typed activities (<see cref="IncomingActivity"/>): no JSON on this edge.
/// Time is cut into 5-second slots; what happens in a slot is drawn from a random source seeded by rep and slot and
/// the activity ids are derived from them, so a restart replays the same history and the log drops it as duplicates.
/// </summary>
public sealed class DemoSimulator(
    Organization org, IngestPipeline pipeline, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoSimulator> logger)
    : BackgroundService
{
    public static readonly TimeSpan Slot = TimeSpan.FromSeconds(5);

    /// <summary>The <c>source</c> of the simulator's activities.</summary>
    public const string Source = "demo";

    /// <summary>The simulator sends at most about this many activities in one batch.</summary>
    private const int BatchSize = 2_000;

    private List<(Team Team, RepProfile Profile)> _reps = [];
    private long _repsRevision = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        var nextSlot = SlotOf(now);
        if (options.Value.Backfill)
        {
            var weekStart = org.Teams.Min(t => t.Calendar.At(t.Calendar.PeriodAt(GoalPeriod.Week, now).First, TimeSpan.Zero));
            var sent = await EmitAsync(SlotOf(weekStart), nextSlot, stoppingToken);
            logger.LogInformation("Demo: back-filled {Count} activities since {WeekStart:u}", sent, weekStart);
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var current = SlotOf(clock.GetUtcNow());
            if (current <= nextSlot)
            {
                continue;
            }

            try
            {
                await EmitAsync(nextSlot, current, stoppingToken);
                nextSlot = current;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed batch is retried with the same ids next second; the log drops what did land.
                logger.LogWarning(e, "Demo: could not send slots {From}..{To}; retrying", nextSlot, current);
            }
        }
    }

    /// <summary>Sends the activities of slots [from, to) in batches; returns how many were new.</summary>
    private async Task<int> EmitAsync(long from, long to, CancellationToken cancellationToken)
    {
        var batch = new List<IncomingActivity>(BatchSize);
        var accepted = 0;
        // The org may have been edited (or replaced by the stored one at start-up): simulate the reps it has now.
        if (_repsRevision != org.Revision)
        {
            _repsRevision = org.Revision;
            _reps = [.. org.Teams.SelectMany(t => t.Reps.Select((r, i) => (t, RepProfile.For(r, i))))];
        }

        for (var slot = from; slot < to; slot++)
        {
            foreach (var (team, profile) in _reps)
            {
                Draw(team, profile, slot, batch);
            }

            if (batch.Count >= BatchSize || (slot == to - 1 && batch.Count > 0))
            {
                accepted += await SendAsync(batch, cancellationToken);
                batch = new List<IncomingActivity>(BatchSize);
            }
        }

        return accepted;
    }

    /// <summary>
    /// The activities of one rep in one slot, added to <paramref name="batch"/>: a call (or nothing), maybe a meeting
    /// one second later, maybe a deal two seconds later. The same rep and slot always give the same activities.
    /// </summary>
    internal void Draw(Team team, RepProfile profile, long slot, List<IncomingActivity> batch)
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(slot * (long)Slot.TotalSeconds);
        var local = team.Calendar.ToLocal(start);
        var date = DateOnly.FromDateTime(local.DateTime);
        var working = team.Calendar.WorkingWindow(date) is { } window && start >= window.Start && start < window.End;
        var factor = working ? profile.RateFactor(local.TimeOfDay, team.Calendar.DayStart) : options.Value.AfterHoursShare;
        var callChance = profile.CallsPerHour * factor * options.Value.Speed * Slot.TotalHours;
        var random = new Random((int)StableHash.Of(profile.Rep.Id, slot));
        if (random.NextDouble() >= callChance)
        {
            return;
        }

        // Follow-ups come one and two seconds after the call, so all of a slot has happened by its end.
        var at = start.AddMilliseconds(random.Next((int)Slot.TotalMilliseconds - 2_000));
        var id = $"sim-{profile.Rep.Id}-{slot}";
        batch.Add(Activity(id + "-call", profile.Rep.Id, "call", at, null));
        if (random.NextDouble() < profile.Conversion)
        {
            batch.Add(Activity(id + "-meeting", profile.Rep.Id, "meeting", at.AddSeconds(1), null));
            if (random.NextDouble() < 0.12)
            {
                var amount = Math.Round(20 + (random.NextDouble() * 580)) * 100;
                batch.Add(Activity(id + "-deal", profile.Rep.Id, "deal", at.AddSeconds(2), (decimal)amount));
            }
        }
    }

    private async Task<int> SendAsync(List<IncomingActivity> batch, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.IngestAsync(batch, cancellationToken);
        switch (outcome)
        {
            case IngestOutcome.Recorded recorded:
                return recorded.Accepted;
            case IngestOutcome.Invalid invalid:
                logger.LogError("Demo batch refused: {Errors}", string.Join("; ", invalid.Errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
                return 0;
            default:
                logger.LogError("Demo batch refused: {Outcome}", outcome);
                return 0;
        }
    }

    private static IncomingActivity Activity(string id, string repId, string type, DateTimeOffset at, decimal? value) =>
        new(id, repId, type, at, Quantity: null, value, Source);

    private static long SlotOf(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / (long)Slot.TotalSeconds;
}
