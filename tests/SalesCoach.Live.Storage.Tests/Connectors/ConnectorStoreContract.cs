using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Storage.Connectors;

namespace SalesCoach.Live.Storage.Tests.Connectors;

/// <summary>What every <see cref="IConnectorStore"/> must do; each store's class says how to open one on a fresh database.</summary>
public abstract class ConnectorStoreContract : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly List<IConnectorStore> open = [];

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
    public async Task A_notification_is_stored_once_per_dedupe_key_and_claimed_in_order()
    {
        var store = Open();
        Assert.True(await store.EnqueueAsync("HubSpot", "e1", "[1]"));
        Assert.False(await store.EnqueueAsync("HubSpot", "e1", "[1 again]"));
        Assert.True(await store.EnqueueAsync("HubSpot", null, "[2]"));
        Assert.True(await store.EnqueueAsync("HubSpot", null, "[3]"));

        var first = await store.ClaimAsync("HubSpot", "node-a", Lease);
        Assert.NotNull(first);
        Assert.Equal("[1]", first.Payload);
        Assert.Equal("e1", first.DedupeKey);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(Clock.GetUtcNow(), first.ReceivedAt);
        Assert.True(await store.CompleteAsync(first.Id, "node-a"));

        var second = await store.ClaimAsync("HubSpot", "node-a", Lease);
        Assert.Equal("[2]", second!.Payload);
    }

    [Fact]
    public async Task One_item_at_a_time_per_connector_and_connectors_do_not_block_each_other()
    {
        var a = Open();
        var b = Open();
        await a.EnqueueAsync("Pipedrive", null, "p1");
        await a.EnqueueAsync("Pipedrive", null, "p2");
        await a.EnqueueAsync("Aircall", null, "c1");

        var claimed = await a.ClaimAsync("Pipedrive", "node-a", Lease);
        Assert.NotNull(claimed);
        Assert.Null(await b.ClaimAsync("Pipedrive", "node-b", Lease));
        Assert.Equal("c1", (await b.ClaimAsync("Aircall", "node-b", Lease))!.Payload);

        Assert.False(await b.CompleteAsync(claimed.Id, "node-b"));
        Assert.True(await a.CompleteAsync(claimed.Id, "node-a"));
        Assert.Equal("p2", (await b.ClaimAsync("Pipedrive", "node-b", Lease))!.Payload);
    }

    [Fact]
    public async Task An_expired_lease_frees_the_item_for_another_owner_and_the_old_owner_cannot_complete_it()
    {
        var store = Open();
        await store.EnqueueAsync("HubSpot", null, "x");
        var claimed = await store.ClaimAsync("HubSpot", "dead-node", Lease);

        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Null(await store.ClaimAsync("HubSpot", "node-b", Lease));
        Clock.Advance(TimeSpan.FromSeconds(2));
        var again = await store.ClaimAsync("HubSpot", "node-b", Lease);

        Assert.Equal(claimed!.Id, again!.Id);
        Assert.Equal(2, again.Attempts);
        Assert.False(await store.CompleteAsync(claimed.Id, "dead-node"));
        Assert.True(await store.CompleteAsync(again.Id, "node-b"));
        Assert.Null(await store.ClaimAsync("HubSpot", "node-b", Lease));
    }

    [Fact]
    public async Task A_retried_item_waits_for_its_time_and_keeps_its_error()
    {
        var store = Open();
        await store.EnqueueAsync("HubSpot", null, "x");
        var claimed = await store.ClaimAsync("HubSpot", "n", Lease);

        Assert.True(await store.RetryLaterAsync(claimed!.Id, "n", "HTTP 503", Clock.GetUtcNow().AddSeconds(30)));
        Assert.Null(await store.ClaimAsync("HubSpot", "n", Lease));
        Assert.Equal(1, (await store.FiguresAsync("HubSpot", Clock.GetUtcNow().AddDays(-1))).Pending);
        Clock.Advance(TimeSpan.FromSeconds(30));
        var again = await store.ClaimAsync("HubSpot", "n", Lease);

        Assert.Equal("HTTP 503", again!.LastError);
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public async Task Waiting_records_are_kept_per_connector_replaced_and_removed()
    {
        var store = Open();
        await store.SaveWaitingAsync(new WaitingRecord("HubSpot", "hubspot:call:1", "77", "zed@example.com", "{\"a\":1}", default));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await store.SaveWaitingAsync(new WaitingRecord("HubSpot", "hubspot:call:2", "77", "zed@example.com", "{\"a\":2}", default));
        await store.SaveWaitingAsync(new WaitingRecord("HubSpot", "hubspot:call:1", "77", "zed@example.com", "{\"a\":3}", default));
        await store.SaveWaitingAsync(new WaitingRecord("Pipedrive", "pipedrive:call:1", "9", null, "{}", default));

        var waiting = await store.ListWaitingAsync("HubSpot");
        Assert.Equal(["hubspot:call:1", "hubspot:call:2"], waiting.Select(w => w.ActivityId));
        Assert.Equal("{\"a\":3}", waiting[0].Payload);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(-1), waiting[0].StoredAt);
        Assert.True(await store.RemoveWaitingAsync("HubSpot", "hubspot:call:1"));
        Assert.False(await store.RemoveWaitingAsync("HubSpot", "hubspot:call:1"));
        Assert.Single(await store.ListWaitingAsync("HubSpot"));
        Assert.Null((await store.ListWaitingAsync("Pipedrive"))[0].Email);
    }

    [Fact]
    public async Task State_is_empty_until_saved_and_reads_back()
    {
        var store = Open();
        Assert.Equal(ConnectorState.Empty("HubSpot"), await store.GetStateAsync("HubSpot"));

        var state = new ConnectorState("HubSpot", "1764145800000", Clock.GetUtcNow(), "HTTP 500", Clock.GetUtcNow().AddMinutes(-1), Clock.GetUtcNow().AddMinutes(-20));
        await store.SaveStateAsync(state);
        Assert.Equal(state, await store.GetStateAsync("HubSpot"));
        await store.SaveStateAsync(state with { LastError = null, FailingSince = null });
        Assert.Equal(state with { LastError = null, FailingSince = null }, await Open().GetStateAsync("HubSpot"));
    }

    [Fact]
    public async Task Figures_sum_the_window_and_show_the_inbox()
    {
        var store = Open();
        await store.LogAsync("HubSpot", 5, null);
        Clock.Advance(TimeSpan.FromHours(2));
        await store.LogAsync("HubSpot", 2, null);
        await store.LogAsync("HubSpot", 0, "HTTP 500");
        await store.LogAsync("Aircall", 9, null);
        await store.EnqueueAsync("HubSpot", null, "x");
        var receivedAt = Clock.GetUtcNow();

        var figures = await store.FiguresAsync("HubSpot", Clock.GetUtcNow().AddHours(-1));

        Assert.Equal(new ConnectorFigures(2, 1, receivedAt, 1, receivedAt), figures);
        Assert.Equal(new ConnectorFigures(0, 0, null, 0, null), await store.FiguresAsync("Salesforce", Clock.GetUtcNow().AddDays(-1)));
    }

    protected IConnectorStore Open()
    {
        var store = CreateStore(Clock);
        open.Add(store);
        return store;
    }

    protected abstract IConnectorStore CreateStore(TimeProvider timeProvider);
}
