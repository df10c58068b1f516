using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Storage.DeadLetters;

namespace SalesCoach.Live.Storage.Tests.DeadLetters;

/// <summary>
/// What every <see cref="IDeadLetterStore"/> must do. Each store's test class derives from this one and says only how
/// to open a store on its own fresh, per-test database.
/// </summary>
public abstract class DeadLetterStoreContract : IAsyncLifetime
{
    private readonly List<IDeadLetterStore> open = [];

    /// <summary>The clock every store of the test stamps times with.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.Zero));

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in open)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        open.Clear();
    }

    [Fact]
    public async Task A_new_dead_letter_is_kept_with_its_source_payload_reason_and_time()
    {
        var store = Open();
        const string payload = """{"calls":[{"call_id":"c1","agent":"zed@example.com"}]}""";

        var letter = await store.AddAsync(new NewDeadLetter("dialer", payload, "unknown rep alias", """{"[0].repId":["unknown rep alias 'zed@example.com'"]}"""));

        Assert.True(letter.Id > 0);
        Assert.Equal("dialer", letter.Source);
        Assert.Equal(payload, letter.Payload);
        Assert.Equal("unknown rep alias", letter.Reason);
        Assert.Equal("""{"[0].repId":["unknown rep alias 'zed@example.com'"]}""", letter.Errors);
        Assert.Equal(Clock.GetUtcNow(), letter.ReceivedAt);
        Assert.Equal(Clock.GetUtcNow(), letter.LastReceivedAt);
        Assert.Equal(1, letter.Attempts);
        Assert.True(letter.IsOpen);
        Assert.Equal(letter, await store.FindAsync(letter.Id));
    }

    [Fact]
    public async Task The_same_payload_from_the_same_source_is_kept_once_and_counts_attempts()
    {
        var store = Open();
        var first = await store.AddAsync(new NewDeadLetter("dialer", "{\"a\":1}", "first reason", "{}"));
        Clock.Advance(TimeSpan.FromMinutes(5));

        var again = await store.AddAsync(new NewDeadLetter("dialer", "{\"a\":1}", "second reason", "{\"x\":[\"y\"]}"));
        var otherSource = await store.AddAsync(new NewDeadLetter("hubspot", "{\"a\":1}", "r", "{}"));
        var otherPayload = await store.AddAsync(new NewDeadLetter("dialer", "{\"a\":2}", "r", "{}"));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(2, again.Attempts);
        Assert.Equal(first.ReceivedAt, again.ReceivedAt);
        Assert.Equal(Clock.GetUtcNow(), again.LastReceivedAt);
        Assert.Equal("second reason", again.Reason);
        Assert.Equal("{\"x\":[\"y\"]}", again.Errors);
        Assert.NotEqual(first.Id, otherSource.Id);
        Assert.NotEqual(first.Id, otherPayload.Id);
        Assert.Equal(3, (await store.ListAsync(new DeadLetterQuery())).Count);
    }

    [Fact]
    public async Task Replayed_letters_leave_the_open_list_and_come_back_when_sent_again()
    {
        var store = Open();
        var letter = await store.AddAsync(new NewDeadLetter("dialer", "{\"a\":1}", "r", "{}"));
        Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await store.MarkReplayedAsync(letter.Id));
        Assert.False(await store.MarkReplayedAsync(letter.Id + 1000));

        var replayed = await store.FindAsync(letter.Id);
        Assert.Equal(Clock.GetUtcNow(), replayed!.ReplayedAt);
        Assert.False(replayed.IsOpen);
        Assert.Empty(await store.ListAsync(new DeadLetterQuery()));
        Assert.Single(await store.ListAsync(new DeadLetterQuery { Status = DeadLetterStatus.Replayed }));
        Assert.Single(await store.ListAsync(new DeadLetterQuery { Status = DeadLetterStatus.All }));

        var reopened = await store.AddAsync(new NewDeadLetter("dialer", "{\"a\":1}", "broken again", "{}"));
        Assert.Equal(letter.Id, reopened.Id);
        Assert.True(reopened.IsOpen);
        Assert.Equal(2, reopened.Attempts);
    }

    [Fact]
    public async Task A_failed_replay_updates_the_reason_and_keeps_the_letter_open()
    {
        var store = Open();
        var letter = await store.AddAsync(new NewDeadLetter("dialer", "{}", "old", "{\"a\":[\"old\"]}"));

        Assert.True(await store.UpdateReasonAsync(letter.Id, "new", "{\"a\":[\"new\"]}"));
        Assert.False(await store.UpdateReasonAsync(letter.Id + 1000, "new", "{}"));

        var updated = await store.FindAsync(letter.Id);
        Assert.Equal("new", updated!.Reason);
        Assert.Equal("{\"a\":[\"new\"]}", updated.Errors);
        Assert.True(updated.IsOpen);
        Assert.Equal(1, updated.Attempts);
    }

    [Fact]
    public async Task Listing_filters_by_source_and_pages_newest_or_oldest_first()
    {
        var store = Open();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await store.AddAsync(new NewDeadLetter(i % 2 == 0 ? "dialer" : "hubspot", $"{{\"n\":{i}}}", "r", "{}"))).Id);
        }

        var newest = await store.ListAsync(new DeadLetterQuery { Limit = 2 });
        Assert.Equal([ids[4], ids[3]], newest.Select(l => l.Id));
        var next = await store.ListAsync(new DeadLetterQuery { Limit = 2, BeforeId = ids[3] });
        Assert.Equal([ids[2], ids[1]], next.Select(l => l.Id));
        var dialer = await store.ListAsync(new DeadLetterQuery { Source = "dialer", OldestFirst = true });
        Assert.Equal([ids[0], ids[2], ids[4]], dialer.Select(l => l.Id));
        var afterFirst = await store.ListAsync(new DeadLetterQuery { Source = "dialer", OldestFirst = true, AfterId = ids[0], Limit = 1 });
        Assert.Equal([ids[2]], afterFirst.Select(l => l.Id));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync(new DeadLetterQuery { Limit = 0 }));
    }

    [Fact]
    public async Task A_dead_letter_can_be_deleted()
    {
        var store = Open();
        var letter = await store.AddAsync(new NewDeadLetter("dialer", "{}", "r", "{}"));

        Assert.True(await store.DeleteAsync(letter.Id));
        Assert.False(await store.DeleteAsync(letter.Id));
        Assert.Null(await store.FindAsync(letter.Id));
    }

    [Fact]
    public async Task Any_text_survives_the_round_trip_and_NUL_is_replaced()
    {
        var store = Open();
        var payload = "not json at all: \u00e9\u4e2d\ud83d\ude00 \"quotes\" 'single' \\ back\u0001 and a NUL\0 here";
        var letter = await store.AddAsync(new NewDeadLetter("dialer", payload, new string('r', 5000), "{}"));

        var found = await store.FindAsync(letter.Id);
        Assert.Equal(payload.Replace('\0', '\uFFFD'), found!.Payload);
        Assert.Equal(2000, found.Reason.Length);
    }

    [Fact]
    public async Task Letters_survive_a_reopen_of_the_store()
    {
        var store = Open();
        var letter = await store.AddAsync(new NewDeadLetter("dialer", "{\"keep\":true}", "r", "{}"));
        await DisposeStoreAsync(store);

        var reopened = Open();
        Assert.Equal(letter, await reopened.FindAsync(letter.Id));
    }

    [Fact]
    public async Task Concurrent_adds_of_the_same_payload_make_one_letter()
    {
        var store = Open();
        var letters = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.AddAsync(new NewDeadLetter("dialer", "{\"same\":1}", "r", "{}")))));

        Assert.Single(letters.Select(l => l.Id).Distinct());
        Assert.Equal(8, (await store.FindAsync(letters[0].Id))!.Attempts);
    }

    /// <summary>Opens a store on this test's database; it is disposed after the test.</summary>
    protected IDeadLetterStore Open()
    {
        var store = CreateStore(Clock);
        open.Add(store);
        return store;
    }

    protected abstract IDeadLetterStore CreateStore(TimeProvider timeProvider);

    private async Task DisposeStoreAsync(IDeadLetterStore store)
    {
        open.Remove(store);
        if (store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
