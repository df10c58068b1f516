using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Storage.Tests.Activities;

/// <summary>
/// What every <see cref="IActivityLog"/> must do. Each store's test class derives from this one and says only how to
/// open a log on its own fresh, per-test store.
/// </summary>
public abstract class ActivityLogContract : IAsyncLifetime
{
    /// <summary>A Thursday morning in Berlin, in the sender's own offset.</summary>
    protected static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(1));

    private readonly List<IActivityLog> open = [];

    /// <summary>The clock every log of the test stamps <c>ReceivedAt</c> with.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.Zero));

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var log in open)
        {
            await DisposeLogAsync(log);
        }

        open.Clear();
    }

    [Fact]
    public async Task New_activities_are_accepted_with_their_fields_and_counted()
    {
        var log = Open();
        var sent = new[]
        {
            Activity("a1", "anna", Morning, quantity: 2, value: 10.5m, source: "crm"),
            Activity("b1", "ben", Morning.AddMinutes(1)),
            Activity("a2", "anna", Morning.AddMinutes(2), type: "meeting"),
        };

        var result = await log.AppendAsync(sent);

        Assert.Equal(0, result.Duplicates);
        Assert.Equal(["a1", "b1", "a2"], result.Accepted.Select(a => a.Id));
        for (var i = 0; i < sent.Length; i++)
        {
            AssertSame(sent[i], result.Accepted[i]);
            Assert.Equal(Clock.GetUtcNow(), result.Accepted[i].ReceivedAt);
        }

        Assert.Equal([1L, 1L, 2L], result.Accepted.Select(a => a.RepSeq));
        AssertStrictlyIncreasing(result.Accepted.Select(a => a.Seq));
    }

    [Fact]
    public async Task An_activity_is_found_by_its_id_with_its_fields_and_an_unknown_id_is_null()
    {
        var log = Open();
        await log.AppendAsync([Activity("f1", "anna", Morning, quantity: 3, value: 7.25m, source: "crm"), Activity("f2", "ben", Morning)]);

        var found = await log.FindAsync("f1");

        Assert.NotNull(found);
        Assert.Equal(("anna", 3, 7.25m, "crm", Morning), (found.RepId, found.Quantity, found.Value, found.Source, found.OccurredAt));
        Assert.Equal(1, found.RepSeq);
        Assert.Null(await log.FindAsync("nope"));
    }

    [Fact]
    public async Task A_correction_with_a_negative_quantity_is_stored_as_it_is()
    {
        var log = Open();
        await log.AppendAsync([Activity("c1", "anna", Morning, quantity: 4, value: 100m)]);

        var result = await log.AppendAsync([Activity("void:c1", "anna", Morning, quantity: -4, value: -100m)]);

        var stored = Assert.Single(result.Accepted);
        Assert.Equal((-4, -100m, 2L), (stored.Quantity, stored.Value, stored.RepSeq));
    }

    [Fact]
    public async Task An_id_seen_before_is_a_duplicate()
    {
        var log = Open();
        await log.AppendAsync([Activity("x"), Activity("y")]);

        var again = await log.AppendAsync([Activity("y"), Activity("z")]);

        Assert.Equal(1, again.Duplicates);
        var z = Assert.Single(again.Accepted);
        Assert.Equal("z", z.Id);
        Assert.Equal(3, z.RepSeq);
        Assert.Equal(["x", "y", "z"], (await log.ReadRepTailAsync("anna", 0)).Select(a => a.Id));
    }

    [Fact]
    public async Task A_whole_batch_seen_before_is_all_duplicates()
    {
        var log = Open();
        var batch = new[] { Activity("x"), Activity("y"), Activity("z", "ben") };
        await log.AppendAsync(batch);

        var again = await log.AppendAsync(batch);

        Assert.Empty(again.Accepted);
        Assert.Equal(3, again.Duplicates);
        Assert.Equal(2, await log.GetRepSeqAsync("anna"));
    }

    [Fact]
    public async Task An_id_repeated_within_one_batch_is_stored_once_and_the_first_wins()
    {
        var log = Open();

        var result = await log.AppendAsync([Activity("x", quantity: 1), Activity("y"), Activity("x", quantity: 5)]);

        Assert.Equal(1, result.Duplicates);
        Assert.Equal(["x", "y"], result.Accepted.Select(a => a.Id));
        var stored = await log.ReadRepTailAsync("anna", 0);
        Assert.Equal(["x", "y"], stored.Select(a => a.Id));
        Assert.Equal(1, stored[0].Quantity);
        Assert.Equal([1L, 2L], stored.Select(a => a.RepSeq));
    }

    [Fact]
    public async Task An_id_seen_before_is_a_duplicate_after_restart()
    {
        var log = Open();
        await log.AppendAsync([Activity("x"), Activity("y")]);
        log = await ReopenAsync(log);

        var again = await log.AppendAsync([Activity("y"), Activity("z")]);

        Assert.Equal(1, again.Duplicates);
        var z = Assert.Single(again.Accepted);
        Assert.Equal("z", z.Id);
        Assert.Equal(3, z.RepSeq);
    }

    [Fact]
    public async Task Accepted_activities_read_back_after_restart_exactly_as_returned()
    {
        var log = Open();
        // Sub-microsecond ticks: both stores keep whole microseconds, and must return what they keep.
        var at = new DateTimeOffset(2026, 11, 26, 9, 15, 30, TimeSpan.FromHours(1)).AddTicks(1_234_567);
        var result = await log.AppendAsync(
        [
            Activity("a1", "anna", at, quantity: 3, value: 99.90m, source: "dialer"),
            Activity("b1", "ben", at.ToOffset(TimeSpan.FromHours(-5))),
        ]);
        log = await ReopenAsync(log);

        var stored = await log.ReadByOccurrenceAsync(["anna", "ben"], at.AddHours(-1), at.AddHours(1));

        Assert.Equal(result.Accepted, stored);
        for (var i = 0; i < stored.Count; i++)
        {
            Assert.True(result.Accepted[i].OccurredAt.EqualsExact(stored[i].OccurredAt));
        }

        Assert.Equal(at.AddTicks(-7), stored[0].OccurredAt);
    }

    [Fact]
    public async Task RepSeq_grows_by_one_per_new_activity_and_duplicates_consume_none()
    {
        var log = Open();
        await log.AppendAsync([Activity("a1"), Activity("b1", "ben"), Activity("a2")]);
        await log.AppendAsync([Activity("a2"), Activity("a1"), Activity("a3"), Activity("a3"), Activity("b1", "ben")]);
        await log.AppendAsync([Activity("b2", "ben"), Activity("a1"), Activity("a4")]);

        var anna = await log.ReadRepTailAsync("anna", 0);
        var ben = await log.ReadRepTailAsync("ben", 0);

        Assert.Equal(["a1", "a2", "a3", "a4"], anna.Select(a => a.Id));
        Assert.Equal([1L, 2L, 3L, 4L], anna.Select(a => a.RepSeq));
        Assert.Equal([1L, 2L], ben.Select(a => a.RepSeq));
    }

    [Fact]
    public async Task RepSeq_continues_without_a_gap_after_restart()
    {
        var log = Open();
        await log.AppendAsync([Activity("a1"), Activity("a2"), Activity("b1", "ben")]);
        log = await ReopenAsync(log);

        var result = await log.AppendAsync([Activity("a2"), Activity("a3"), Activity("c1", "cleo"), Activity("b2", "ben")]);

        Assert.Equal([3L, 1L, 2L], result.Accepted.Select(a => a.RepSeq));
        Assert.Equal([1L, 2L, 3L], (await log.ReadRepTailAsync("anna", 0)).Select(a => a.RepSeq));
    }

    [Fact]
    public async Task Concurrent_appenders_store_each_id_exactly_once()
    {
        var log = Open();
        const int Appenders = 8;
        const int BatchesEach = 25;
        const int BatchSize = 20;
        string[] reps = ["anna", "ben", "cleo", "dev"];

        // Appender t sends ids t*100 .. t*100+499: each id is sent by up to five appenders, in different batches.
        var results = await Task.WhenAll(Enumerable.Range(0, Appenders).Select(t => Task.Run(async () =>
        {
            var mine = new List<AppendResult>();
            for (var b = 0; b < BatchesEach; b++)
            {
                var batch = Enumerable.Range(0, BatchSize)
                    .Select(i => (t * 100) + (b * BatchSize) + i)
                    .Select(n => Activity($"id-{n}", reps[n % reps.Length], Morning.AddSeconds(n)))
                    .ToList();
                mine.Add(await log.AppendAsync(batch));
            }

            return mine;
        })));

        var all = results.SelectMany(r => r).ToList();
        var distinct = Enumerable.Range(0, ((Appenders - 1) * 100) + (BatchesEach * BatchSize)).Count();
        Assert.Equal(distinct, all.Sum(r => r.Accepted.Count));
        Assert.Equal(Appenders * BatchesEach * BatchSize, all.Sum(r => r.Accepted.Count + r.Duplicates));
        Assert.Equal(distinct, all.SelectMany(r => r.Accepted).Select(a => a.Id).Distinct().Count());

        var stored = await log.ReadByOccurrenceAsync(reps, Morning.AddDays(-1), Morning.AddDays(1));
        Assert.Equal(distinct, stored.Count);
        Assert.Equal(distinct, stored.Select(a => a.Id).Distinct().Count());
        AssertStrictlyIncreasing(stored.Select(a => a.Seq));
        foreach (var rep in reps)
        {
            var tail = await log.ReadRepTailAsync(rep, 0);
            Assert.Equal(Enumerable.Range(1, tail.Count).Select(n => (long)n), tail.Select(a => a.RepSeq));
            Assert.Equal(tail.Count, await log.GetRepSeqAsync(rep));
        }
    }

    [Fact]
    public async Task A_failed_transaction_fails_only_its_callers_and_leaves_no_gap_in_RepSeq()
    {
        var log = Open();
        FailTransactionsWhen(log, batch => batch.Any(a => a.Id == "poison"));
        await log.AppendAsync([Activity("a1")]);

        var poisoned = log.AppendAsync([Activity("a2"), Activity("poison")]);
        var innocent = log.AppendAsync([Activity("a3")]);

        await Assert.ThrowsAnyAsync<Exception>(() => poisoned);
        Assert.Equal(2, Assert.Single((await innocent).Accepted).RepSeq);
        Assert.Equal(3, Assert.Single((await log.AppendAsync([Activity("a4")])).Accepted).RepSeq);
        Assert.Equal(["a1", "a3", "a4"], (await log.ReadRepTailAsync("anna", 0)).Select(a => a.Id));

        // Nothing of the failed transaction was kept: its ids are new, not duplicates.
        FailTransactionsWhen(log, _ => false);
        var retried = await log.AppendAsync([Activity("a2"), Activity("poison")]);
        Assert.Equal(0, retried.Duplicates);
        Assert.Equal([4L, 5L], retried.Accepted.Select(a => a.RepSeq));
    }

    [Fact]
    public async Task ReadByOccurrence_includes_both_bounds_and_orders_by_seq()
    {
        var log = Open();
        var from = Morning;
        var to = Morning.AddHours(2);
        await log.AppendAsync(
        [
            Activity("late", "anna", to),
            Activity("before", "anna", from.AddTicks(-10)),
            Activity("first", "anna", from),
            Activity("other-rep", "cleo", from.AddHours(1)),
            Activity("middle", "ben", from.AddHours(1)),
            Activity("after", "ben", to.AddTicks(10)),
        ]);
        await log.AppendAsync([Activity("later-append-earlier-time", "ben", from.AddMinutes(1))]);

        // The bounds are instants: given in UTC here, they match activities sent in +01:00.
        var found = await log.ReadByOccurrenceAsync(["anna", "ben"], from.ToUniversalTime(), to.ToUniversalTime());

        Assert.Equal(["late", "first", "middle", "later-append-earlier-time"], found.Select(a => a.Id));
        AssertStrictlyIncreasing(found.Select(a => a.Seq));
        Assert.Empty(await log.ReadByOccurrenceAsync([], from, to));
        Assert.Empty(await log.ReadByOccurrenceAsync(["nobody"], from, to));
    }

    [Fact]
    public async Task OccurredAt_keeps_the_offset_it_was_sent_with()
    {
        var log = Open();
        TimeSpan[] offsets = [TimeSpan.FromHours(5.5), TimeSpan.FromHours(-8), TimeSpan.Zero, TimeSpan.FromHours(14), TimeSpan.FromMinutes(-570)];
        var sent = offsets.Select((offset, i) => Activity($"o{i}", "anna", Morning.ToOffset(offset).AddMinutes(i))).ToList();
        await log.AppendAsync(sent);
        log = await ReopenAsync(log);

        var stored = await log.ReadByOccurrenceAsync(["anna"], Morning, Morning.AddHours(1));

        Assert.Equal(sent.Count, stored.Count);
        for (var i = 0; i < sent.Count; i++)
        {
            Assert.Equal(sent[i].OccurredAt.Offset, stored[i].OccurredAt.Offset);
            Assert.True(sent[i].OccurredAt.EqualsExact(stored[i].OccurredAt), $"{sent[i].OccurredAt:O} came back as {stored[i].OccurredAt:O}");
        }
    }

    [Fact]
    public async Task ReadRepTail_returns_the_reps_activities_after_a_RepSeq_in_RepSeq_order()
    {
        var log = Open();
        await log.AppendAsync([Activity("a1"), Activity("b1", "ben"), Activity("a2")]);
        await log.AppendAsync([Activity("a3", "anna", Morning.AddDays(-3)), Activity("b2", "ben"), Activity("a4"), Activity("a5")]);

        var tail = await log.ReadRepTailAsync("anna", 2);

        Assert.Equal(["a3", "a4", "a5"], tail.Select(a => a.Id));
        Assert.Equal([3L, 4L, 5L], tail.Select(a => a.RepSeq));
        Assert.All(tail, a => Assert.Equal("anna", a.RepId));
        Assert.Empty(await log.ReadRepTailAsync("anna", 5));
        Assert.Empty(await log.ReadRepTailAsync("nobody", 0));
        Assert.Equal(5, (await log.ReadRepTailAsync("anna", 0)).Count);
    }

    [Fact]
    public async Task GetRepSeq_is_the_highest_RepSeq_of_the_rep_and_zero_for_an_unknown_rep()
    {
        var log = Open();
        Assert.Equal(0, await log.GetRepSeqAsync("anna"));

        await log.AppendAsync([Activity("a1"), Activity("a2"), Activity("b1", "ben"), Activity("a1")]);

        Assert.Equal(2, await log.GetRepSeqAsync("anna"));
        Assert.Equal(1, await log.GetRepSeqAsync("ben"));
        Assert.Equal(0, await log.GetRepSeqAsync("nobody"));
    }

    [Fact]
    public async Task Decimal_values_round_trip_exactly()
    {
        var log = Open();
        decimal?[] values = [0m, 12.50m, 1234567.891m, 0.0000000000000000000000000001m, decimal.MaxValue, 79228162514264.337593543950335m, null];
        await log.AppendAsync(values.Select((value, i) => Activity($"v{i}", value: value)).ToList());
        log = await ReopenAsync(log);

        var stored = await log.ReadRepTailAsync("anna", 0);

        Assert.Equal(values, stored.Select(a => a.Value));
        // Equal decimals can differ in scale (12.5 and 12.50): the scale the sender gave is kept too.
        Assert.Equal(values.Select(Invariant), stored.Select(a => Invariant(a.Value)));
    }

    [Fact]
    public async Task Optional_fields_read_back_as_sent()
    {
        var log = Open();
        await log.AppendAsync([Activity("with", quantity: 10_000, value: 5m, source: "hubspot-sync"), Activity("without", quantity: 1)]);

        var stored = await log.ReadRepTailAsync("anna", 0);

        Assert.Equal("hubspot-sync", stored[0].Source);
        Assert.Equal(5m, stored[0].Value);
        Assert.Equal(10_000, stored[0].Quantity);
        Assert.Null(stored[1].Source);
        Assert.Null(stored[1].Value);
        Assert.Equal(1, stored[1].Quantity);
    }

    [Fact]
    public async Task ReceivedAt_comes_from_the_time_provider()
    {
        var log = Open();
        var firstTime = Clock.GetUtcNow();
        await log.AppendAsync([Activity("a1")]);
        Clock.Advance(TimeSpan.FromMinutes(7));
        await log.AppendAsync([Activity("a2")]);

        var stored = await log.ReadRepTailAsync("anna", 0);

        Assert.Equal([firstTime, firstTime.AddMinutes(7)], stored.Select(a => a.ReceivedAt));
    }

    [Fact]
    public async Task An_empty_batch_accepts_nothing()
    {
        var log = Open();

        var result = await log.AppendAsync([]);

        Assert.Empty(result.Accepted);
        Assert.Equal(0, result.Duplicates);
        Assert.Equal(0, await log.GetRepSeqAsync("anna"));
    }

    [Fact]
    public async Task A_new_store_reads_as_empty()
    {
        var log = Open();

        Assert.Empty(await log.ReadByOccurrenceAsync(["anna"], DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Empty(await log.ReadRepTailAsync("anna", 0));
        Assert.Equal(0, await log.GetRepSeqAsync("anna"));
    }

    [Fact]
    public async Task The_store_is_healthy_while_open_and_not_after_disposal()
    {
        var log = Open();

        Assert.True(await log.IsHealthyAsync());

        await DisposeLogAsync(log);
        Assert.False(await log.IsHealthyAsync());
    }

    [Fact]
    public async Task Appending_after_disposal_throws_ObjectDisposedException()
    {
        var log = Open();
        await log.AppendAsync([Activity("a1")]);
        await DisposeLogAsync(log);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => log.AppendAsync([Activity("a2")]));
    }

    [Fact]
    public async Task A_batch_with_a_missing_key_is_refused_before_it_is_queued()
    {
        var log = Open();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync([Activity("a1"), Activity("")]));

        Assert.Contains("[1]", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await log.GetRepSeqAsync("anna"));
    }

    /// <summary>Opens a new log on this test's store: the same file or database at every call.</summary>
    protected abstract IActivityLog CreateLog(TimeProvider timeProvider);

    /// <summary>Makes the log roll back (and fail) every write transaction whose activities match.</summary>
    protected abstract void FailTransactionsWhen(IActivityLog log, Func<IReadOnlyList<ActivityToAppend>, bool> predicate);

    protected static ActivityToAppend Activity(
        string id, string repId = "anna", DateTimeOffset? at = null, string type = "call", int quantity = 1, decimal? value = null, string? source = null) =>
        new(id, repId, type, at ?? Morning, quantity, value, source);

    protected IActivityLog Open()
    {
        var log = CreateLog(Clock);
        open.Add(log);
        return log;
    }

    /// <summary>Closes the log as a stopping server would, and opens a new one on the same store.</summary>
    protected async Task<IActivityLog> ReopenAsync(IActivityLog log)
    {
        await DisposeLogAsync(log);
        return Open();
    }

    private static async Task DisposeLogAsync(IActivityLog log)
    {
        if (log is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    private static void AssertSame(ActivityToAppend sent, LoggedActivity logged)
    {
        Assert.Equal(
            (sent.Id, sent.RepId, sent.Type, sent.Quantity, sent.Value, sent.Source),
            (logged.Id, logged.RepId, logged.Type, logged.Quantity, logged.Value, logged.Source));
        Assert.True(sent.OccurredAt.EqualsExact(logged.OccurredAt), $"{sent.OccurredAt:O} came back as {logged.OccurredAt:O}");
    }

    private static void AssertStrictlyIncreasing(IEnumerable<long> values)
    {
        var list = values.ToList();
        for (var i = 1; i < list.Count; i++)
        {
            Assert.True(list[i - 1] < list[i], $"not increasing at [{i}]: {list[i - 1]} then {list[i]}");
        }
    }

    private static string? Invariant(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
