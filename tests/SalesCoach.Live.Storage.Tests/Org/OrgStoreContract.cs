using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Storage.Org;

namespace SalesCoach.Live.Storage.Tests.Org;

/// <summary>
/// What every <see cref="IOrgStore"/> must do. Each store's test class derives from this one and says only how to open
/// a store on its own fresh, per-test database.
/// </summary>
public abstract class OrgStoreContract : IAsyncLifetime
{
    private readonly List<IOrgStore> open = [];

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
    public async Task An_empty_store_has_no_revision()
    {
        var store = Open();

        Assert.Null(await store.GetLatestAsync());
        Assert.Equal(0, await store.GetLatestNumberAsync());
        Assert.Empty(await store.ListAsync(10));
    }

    [Fact]
    public async Task The_first_save_is_revision_1_with_who_when_and_the_document()
    {
        var store = Open();

        var saved = await store.SaveAsync(new NewOrgRevision("""{"metrics":[]}""", "file", OrgRevisionSources.File, "abc123"), basedOn: 0);

        Assert.NotNull(saved);
        Assert.Equal(new OrgRevision(1, """{"metrics":[]}""", Clock.GetUtcNow(), "file", OrgRevisionSources.File, "abc123"), saved);
        Assert.Equal(saved, await store.GetLatestAsync());
        Assert.Equal(saved, await store.FindAsync(1));
        Assert.Equal(1, await store.GetLatestNumberAsync());
    }

    [Fact]
    public async Task Each_save_is_the_next_revision_and_nothing_is_overwritten()
    {
        var store = Open();
        await store.SaveAsync(new NewOrgRevision("{\"r\":1}", "file", OrgRevisionSources.File, "h1"), 0);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await store.SaveAsync(new NewOrgRevision("{\"r\":2}", "admin", OrgRevisionSources.Edit, "h1"), 1);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var third = await store.SaveAsync(new NewOrgRevision("{\"r\":3}", "ops", OrgRevisionSources.Edit, null), 2);

        Assert.Equal(3, third!.Revision);
        Assert.Null(third.FileHash);
        Assert.Equal("{\"r\":1}", (await store.FindAsync(1))!.Document);
        Assert.Equal([3L, 2L, 1L], (await store.ListAsync(10)).Select(r => r.Revision));
        Assert.Equal([2L], (await store.ListAsync(1, beforeRevision: 3)).Select(r => r.Revision));
        Assert.Equal("admin", (await store.FindAsync(2))!.SavedBy);
    }

    [Fact]
    public async Task A_save_based_on_a_stale_revision_is_refused_and_stores_nothing()
    {
        var store = Open();
        await store.SaveAsync(new NewOrgRevision("{\"r\":1}", "file", OrgRevisionSources.File, "h"), 0);
        await store.SaveAsync(new NewOrgRevision("{\"r\":2}", "anna", OrgRevisionSources.Edit, "h"), 1);

        var stale = await store.SaveAsync(new NewOrgRevision("{\"r\":\"late\"}", "ben", OrgRevisionSources.Edit, "h"), 1);
        var ahead = await store.SaveAsync(new NewOrgRevision("{\"r\":\"ahead\"}", "ben", OrgRevisionSources.Edit, "h"), 5);

        Assert.Null(stale);
        Assert.Null(ahead);
        Assert.Equal(2, await store.GetLatestNumberAsync());
        Assert.Equal("{\"r\":2}", (await store.GetLatestAsync())!.Document);
    }

    [Fact]
    public async Task Of_concurrent_saves_on_the_same_revision_exactly_one_wins()
    {
        var store = Open();
        var other = Open();
        await store.SaveAsync(new NewOrgRevision("{}", "file", OrgRevisionSources.File, "h"), 0);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? store : other).SaveAsync(new NewOrgRevision($"{{\"i\":{i}}}", $"admin{i}", OrgRevisionSources.Edit, "h"), 1)));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(2, winner!.Revision);
        Assert.Equal(winner, await other.GetLatestAsync());
    }

    [Fact]
    public async Task Revisions_saved_in_a_time_range_are_listed_oldest_first()
    {
        var store = Open();
        var start = Clock.GetUtcNow();
        await store.SaveAsync(new NewOrgRevision("{\"r\":1}", "file", OrgRevisionSources.File, "h"), 0);
        Clock.Advance(TimeSpan.FromHours(3));
        await store.SaveAsync(new NewOrgRevision("{\"r\":2}", "admin", OrgRevisionSources.Edit, "h"), 1);
        Clock.Advance(TimeSpan.FromHours(3));
        await store.SaveAsync(new NewOrgRevision("{\"r\":3}", "admin", OrgRevisionSources.Edit, "h"), 2);

        var middle = await store.ListSavedBetweenAsync(start.AddHours(1), start.AddHours(3));
        var all = await store.ListSavedBetweenAsync(start, start.AddHours(6));

        Assert.Equal([2L], middle.Select(r => r.Revision));
        Assert.Equal([1L, 2L, 3L], all.Select(r => r.Revision));
        Assert.Equal(start.AddHours(3), middle[0].SavedAt);
    }

    [Fact]
    public async Task A_second_store_on_the_same_database_sees_the_revisions()
    {
        var first = Open();
        await first.SaveAsync(new NewOrgRevision("{\"r\":1}", "file", OrgRevisionSources.File, "h"), 0);

        var second = Open();

        Assert.Equal(1, await second.GetLatestNumberAsync());
        Assert.NotNull(await second.SaveAsync(new NewOrgRevision("{\"r\":2}", "admin", OrgRevisionSources.Edit, "h"), 1));
        Assert.Equal(2, await first.GetLatestNumberAsync());
    }

    [Fact]
    public async Task Bad_arguments_are_refused()
    {
        var store = Open();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(new NewOrgRevision(" ", "a", OrgRevisionSources.Edit, null), 0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(new NewOrgRevision("{}", "", OrgRevisionSources.Edit, null), 0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(new NewOrgRevision("{}", "a", OrgRevisionSources.Edit, null), -1));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListAsync(0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListAsync(501));
    }

    /// <summary>A store on this test's database, stamped by <see cref="Clock"/>; disposed after the test.</summary>
    protected IOrgStore Open()
    {
        var store = CreateStore(Clock);
        open.Add(store);
        return store;
    }

    protected abstract IOrgStore CreateStore(TimeProvider timeProvider);
}
