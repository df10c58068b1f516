using Orleans.Storage;

namespace SalesCoach.Live.Storage.Tests.Orleans;

/// <summary>
/// What the Orleans grain storage <c>store</c> and the reminder table must do on every store. Each store's test class
/// derives from this one and says only how to open them on its own fresh, per-test store, how to close everything it
/// opened (a restart), and how to read a state's payload as stored.
/// </summary>
public abstract class OrleansStoreContract : IAsyncLifetime
{
    protected const string ServiceId = "contract-tests";

    private static readonly GrainId Anna = GrainId.Create("rep", "anna");

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => CloseAsync();

    [Fact]
    public async Task A_grain_that_never_wrote_reads_a_new_state_without_an_ETag()
    {
        var storage = await OpenGrainStorageAsync();

        var state = await ReadAsync<TallyState>(storage, "tally", Anna);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
        Assert.Equal(0, state.State.Calls);
    }

    [Fact]
    public async Task A_written_state_reads_back_whole_with_the_ETag_of_the_write()
    {
        var storage = await OpenGrainStorageAsync();
        var written = new GrainState<TallyState>(Sample());

        await storage.WriteStateAsync("tally", Anna, written);
        var read = await ReadAsync<TallyState>(storage, "tally", Anna);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        AssertSample(read.State!);
    }

    [Fact]
    public async Task Every_write_moves_the_ETag_on()
    {
        var storage = await OpenGrainStorageAsync();
        var state = new GrainState<TallyState>(Sample());
        await storage.WriteStateAsync("tally", Anna, state);
        var first = state.ETag;

        state.State!.Calls = 13;
        await storage.WriteStateAsync("tally", Anna, state);

        Assert.NotEqual(first, state.ETag);
        Assert.Equal(13, (await ReadAsync<TallyState>(storage, "tally", Anna)).State!.Calls);
    }

    [Fact]
    public async Task A_write_with_a_stale_ETag_is_refused_and_changes_nothing()
    {
        var storage = await OpenGrainStorageAsync();
        await storage.WriteStateAsync("tally", Anna, new GrainState<TallyState>(Sample()));
        var mine = await ReadAsync<TallyState>(storage, "tally", Anna);
        var theirs = await ReadAsync<TallyState>(storage, "tally", Anna);
        theirs.State!.Calls = 100;
        await storage.WriteStateAsync("tally", Anna, theirs);

        mine.State!.Calls = 1;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("tally", Anna, mine));

        var stored = await ReadAsync<TallyState>(storage, "tally", Anna);
        Assert.Equal(100, stored.State!.Calls);
        Assert.Equal(theirs.ETag, stored.ETag);
    }

    [Fact]
    public async Task Of_two_first_writes_only_one_wins()
    {
        var storage = await OpenGrainStorageAsync();

        await storage.WriteStateAsync("tally", Anna, new GrainState<TallyState>(new TallyState { Calls = 1 }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("tally", Anna, new GrainState<TallyState>(new TallyState { Calls = 2 })));
        Assert.Equal(1, (await ReadAsync<TallyState>(storage, "tally", Anna)).State!.Calls);
    }

    [Fact]
    public async Task Clearing_empties_the_state_moves_the_ETag_on_and_refuses_the_old_one()
    {
        var storage = await OpenGrainStorageAsync();
        var state = new GrainState<TallyState>(Sample());
        await storage.WriteStateAsync("tally", Anna, state);
        var stale = await ReadAsync<TallyState>(storage, "tally", Anna);

        await storage.ClearStateAsync("tally", Anna, state);

        Assert.False(state.RecordExists);
        Assert.NotNull(state.ETag);
        Assert.NotEqual(stale.ETag, state.ETag);
        Assert.Equal(0, state.State!.Calls);
        var read = await ReadAsync<TallyState>(storage, "tally", Anna);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(0, read.State!.Calls);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("tally", Anna, stale));
        state.State.Calls = 5;
        await storage.WriteStateAsync("tally", Anna, state);
        Assert.Equal(5, (await ReadAsync<TallyState>(storage, "tally", Anna)).State!.Calls);
    }

    [Fact]
    public async Task Clearing_a_state_that_was_never_written_does_nothing()
    {
        var storage = await OpenGrainStorageAsync();
        var state = new GrainState<TallyState>(new TallyState { Calls = 3 });

        await storage.ClearStateAsync("tally", Anna, state);

        Assert.False(state.RecordExists);
        Assert.False((await ReadAsync<TallyState>(storage, "tally", Anna)).RecordExists);
    }

    [Fact]
    public async Task States_of_other_grains_other_key_kinds_and_other_state_names_are_kept_apart()
    {
        var storage = await OpenGrainStorageAsync();
        var guid = Guid.Parse("0c2f7a38-7c7e-4df5-9f0a-5a6f2b1c9d11");
        GrainId[] grains =
        [
            Anna,
            GrainId.Create("rep", "ben"),
            GrainId.Create(GrainType.Create("board"), GrainIdKeyExtensions.CreateIntegerKey(42)),
            GrainId.Create(GrainType.Create("board"), GrainIdKeyExtensions.CreateIntegerKey(42, "emea")),
            GrainId.Create(GrainType.Create("board"), GrainIdKeyExtensions.CreateGuidKey(guid)),
            GrainId.Create(GrainType.Create("board"), GrainIdKeyExtensions.CreateGuidKey(guid, "emea")),
        ];

        for (var i = 0; i < grains.Length; i++)
        {
            await storage.WriteStateAsync("tally", grains[i], new GrainState<TallyState>(new TallyState { Calls = i + 1 }));
            await storage.WriteStateAsync("other", grains[i], new GrainState<TallyState>(new TallyState { Calls = 100 + i }));
        }

        for (var i = 0; i < grains.Length; i++)
        {
            Assert.Equal(i + 1, (await ReadAsync<TallyState>(storage, "tally", grains[i])).State!.Calls);
            Assert.Equal(100 + i, (await ReadAsync<TallyState>(storage, "other", grains[i])).State!.Calls);
        }
    }

    [Fact]
    public async Task State_is_plain_JSON_without_type_names_so_a_renamed_type_still_reads_it()
    {
        var storage = await OpenGrainStorageAsync();
        await storage.WriteStateAsync("tally", Anna, new GrainState<TallyState>(Sample()));

        var payload = await StoredPayloadAsync("tally", Anna);
        var renamed = await ReadAsync<RenamedTallyState>(storage, "tally", Anna);

        Assert.NotNull(payload);
        Assert.DoesNotContain("$type", payload, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(TallyState), payload, StringComparison.Ordinal);
        Assert.DoesNotContain("SalesCoach", payload, StringComparison.Ordinal);
        Assert.Contains("\"calls\":", payload, StringComparison.Ordinal);
        Assert.Contains("Ahead", payload, StringComparison.Ordinal);
        Assert.Equal(7, renamed.State!.Calls);
        Assert.Equal(12.34m, renamed.State.Value);
        Assert.Equal(TallyMood.Ahead, renamed.State.Mood);
    }

    [Fact]
    public async Task State_survives_closing_and_reopening_the_store()
    {
        var storage = await OpenGrainStorageAsync();
        var state = new GrainState<TallyState>(Sample());
        await storage.WriteStateAsync("tally", Anna, state);

        await CloseAsync();
        var reopened = await OpenGrainStorageAsync();
        var read = await ReadAsync<TallyState>(reopened, "tally", Anna);

        Assert.Equal(state.ETag, read.ETag);
        AssertSample(read.State!);
        read.State!.Calls = 8;
        await reopened.WriteStateAsync("tally", Anna, read);
    }

    [Fact]
    public async Task A_reminder_is_upserted_read_and_removed_with_its_ETag()
    {
        var table = await OpenReminderTableAsync();
        var start = new DateTime(2026, 11, 26, 8, 0, 0, DateTimeKind.Utc);

        var first = await table.UpsertRow(Reminder(Anna, "roll-day", start, TimeSpan.FromMinutes(15)));
        var second = await table.UpsertRow(Reminder(Anna, "roll-day", start.AddHours(1), TimeSpan.FromHours(24)));
        await table.UpsertRow(Reminder(Anna, "nudge", start, TimeSpan.FromMinutes(5)));
        await table.UpsertRow(Reminder(GrainId.Create("rep", "ben"), "roll-day", start, TimeSpan.FromMinutes(15)));

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        var row = await table.ReadRow(Anna, "roll-day");
        Assert.NotNull(row);
        Assert.Equal(Anna, row.GrainId);
        Assert.Equal(start.AddHours(1), row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromHours(24), row.Period);
        Assert.Equal(second, row.ETag);
        Assert.Equal(["nudge", "roll-day"], (await table.ReadRows(Anna)).Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));

        Assert.False(await table.RemoveRow(Anna, "roll-day", first));
        Assert.NotNull(await table.ReadRow(Anna, "roll-day"));
        Assert.True(await table.RemoveRow(Anna, "roll-day", second));
        Assert.Null(await table.ReadRow(Anna, "roll-day"));
        Assert.Single((await table.ReadRows(Anna)).Reminders);
        Assert.False(await table.RemoveRow(Anna, "roll-day", second));
    }

    [Fact]
    public async Task Reminders_are_read_by_ring_range_including_ranges_that_wrap()
    {
        var table = await OpenReminderTableAsync();
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("rep", $"rep-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Reminder(grain, "tick", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromMinutes(1)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        uint[][] ranges =
        [
            [hashes[5], hashes[30]],
            [hashes[30], hashes[5]],
            [0x7FFF_FF00u, 0x8000_0100u],
            [0xF000_0000u, 0x1000_0000u],
            [hashes[10], hashes[10]],
        ];
        foreach (var range in ranges)
        {
            var (begin, end) = (range[0], range[1]);
            var expected = grains
                .Where(g => begin < end
                    ? g.GetUniformHashCode() > begin && g.GetUniformHashCode() <= end
                    : g.GetUniformHashCode() > begin || g.GetUniformHashCode() <= end)
                .Select(g => g.ToString())
                .Order(StringComparer.Ordinal);

            var read = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal);

            Assert.Equal(expected, read);
        }
    }

    [Fact]
    public async Task Reminders_survive_closing_and_reopening_the_store()
    {
        var table = await OpenReminderTableAsync();
        var start = new DateTime(2026, 11, 26, 8, 0, 0, DateTimeKind.Utc);
        var etag = await table.UpsertRow(Reminder(Anna, "roll-day", start, TimeSpan.FromDays(1)));

        await CloseAsync();
        var reopened = await OpenReminderTableAsync();

        var row = await reopened.ReadRow(Anna, "roll-day");
        Assert.NotNull(row);
        Assert.Equal(etag, row.ETag);
        Assert.Equal(start, row.StartAt);
        Assert.Equal(TimeSpan.FromDays(1), row.Period);
        Assert.Single((await reopened.ReadRows(0u, 0u)).Reminders);
    }

    /// <summary>A new grain storage object on this test's store (the same file or database at every call).</summary>
    protected abstract Task<IGrainStorage> OpenGrainStorageAsync();

    /// <summary>A new reminder table object on this test's store.</summary>
    protected abstract Task<IReminderTable> OpenReminderTableAsync();

    /// <summary>Closes every store object opened so far, as a stopping silo does.</summary>
    protected abstract Task CloseAsync();

    /// <summary>The payload of a state exactly as the store keeps it.</summary>
    protected abstract Task<string?> StoredPayloadAsync(string stateName, GrainId grainId);

    private static async Task<GrainState<T>> ReadAsync<T>(IGrainStorage storage, string stateName, GrainId grainId)
    {
        var state = new GrainState<T>();
        await storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }

    private static TallyState Sample() => new()
    {
        Calls = 7,
        Value = 12.34m,
        Mood = TallyMood.Ahead,
        LastAt = new DateTimeOffset(2026, 11, 26, 10, 15, 0, TimeSpan.FromHours(1)),
        Reps = ["anna", "ben"],
    };

    private static void AssertSample(TallyState state)
    {
        Assert.Equal(7, state.Calls);
        Assert.Equal(12.34m, state.Value);
        Assert.Equal(TallyMood.Ahead, state.Mood);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 15, 0, TimeSpan.FromHours(1)), state.LastAt);
        Assert.Equal(["anna", "ben"], state.Reps);
    }

    private static ReminderEntry Reminder(GrainId grainId, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grainId, ReminderName = name, StartAt = startAt, Period = period };
}
