using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Storage.Tests.Wallboards;

/// <summary>
/// What every <see cref="IWallboardStore"/> must do. Each store's test class derives from this one and says only how
/// to open a store on its own fresh, per-test database.
/// </summary>
public abstract class WallboardStoreContract : IAsyncLifetime
{
    private readonly List<IWallboardStore> open = [];

    /// <summary>The clock of every store of the test (pairing codes expire by it).</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.Zero));

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in open)
        {
            await DisposeStoreAsync(store);
        }

        open.Clear();
    }

    [Fact]
    public async Task A_new_board_is_stored_at_revision_one_with_its_fields()
    {
        var store = Open();

        var created = await store.CreateAsync(Board("floor", "Sales floor", ["emea", "amer"], ["pace", "leaderboard"], 30, "light"));

        Assert.NotNull(created);
        var found = await store.FindAsync("floor");
        Assert.NotNull(found);
        foreach (var board in new[] { created, found })
        {
            Assert.Equal(("floor", "Sales floor", 30, "light", 1L), (board.Id, board.Title, board.DwellSeconds, board.Theme, board.Revision));
            Assert.Equal(["emea", "amer"], board.Teams);
            Assert.Equal(["pace", "leaderboard"], board.Slides);
            Assert.Equal(Clock.GetUtcNow(), board.CreatedAt);
            Assert.Equal(Clock.GetUtcNow(), board.UpdatedAt);
        }
    }

    [Fact]
    public async Task A_board_whose_id_is_taken_is_not_created_and_the_first_stays()
    {
        var store = Open();
        await store.CreateAsync(Board("floor", "First"));

        var second = await store.CreateAsync(Board("floor", "Second"));

        Assert.Null(second);
        Assert.Equal("First", (await store.FindAsync("floor"))!.Title);
    }

    [Fact]
    public async Task Boards_are_listed_by_id_and_an_unknown_one_is_not_found()
    {
        var store = Open();
        await store.CreateAsync(Board("b"));
        await store.CreateAsync(Board("a"));
        await store.CreateAsync(Board("c"));

        Assert.Equal(["a", "b", "c"], (await store.ListAsync()).Select(b => b.Id));
        Assert.Null(await store.FindAsync("zzz"));
    }

    [Fact]
    public async Task Updating_replaces_the_definition_and_bumps_the_revision()
    {
        var store = Open();
        var created = (await store.CreateAsync(Board("floor", "Old", ["emea"], ["leaderboard"], 20, "dark")))!;
        Clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await store.UpdateAsync(Board("floor", "New", ["amer", "emea"], ["pace"], 45, "light"));

        Assert.NotNull(updated);
        Assert.Equal(("New", 45, "light", 2L), (updated.Title, updated.DwellSeconds, updated.Theme, updated.Revision));
        Assert.Equal(["amer", "emea"], updated.Teams);
        Assert.Equal(["pace"], updated.Slides);
        Assert.Equal(created.CreatedAt, updated.CreatedAt);
        Assert.Equal(Clock.GetUtcNow(), updated.UpdatedAt);
        Assert.Equal(3, (await store.UpdateAsync(Board("floor", "Newer")))!.Revision);
    }

    [Fact]
    public async Task Updating_or_deleting_an_unknown_board_changes_nothing()
    {
        var store = Open();
        var stamp = await store.GetChangeStampAsync();

        Assert.Null(await store.UpdateAsync(Board("ghost")));
        Assert.False(await store.DeleteAsync("ghost"));

        Assert.Empty(await store.ListAsync());
        Assert.Equal(stamp, await store.GetChangeStampAsync());
    }

    [Fact]
    public async Task A_claimed_pairing_code_issues_a_token_found_by_its_hash()
    {
        var store = Open();
        await store.CreateAsync(Board("floor"));
        var hash = Hash("secret-1");
        Assert.True(await store.AddPairingAsync("ABC234", hash, Clock.GetUtcNow().AddMinutes(10)));

        var result = await store.ClaimPairingAsync("ABC234", "floor", "tok1", "Kitchen TV");

        Assert.Equal(PairingClaimOutcome.Claimed, result.Outcome);
        Assert.Equal(new BoardToken("tok1", "floor", "Kitchen TV", Clock.GetUtcNow()), result.Token);
        Assert.Equal(result.Token, await store.FindTokenAsync(hash));
        Assert.Null(await store.FindTokenAsync(Hash("secret-2")));
        Assert.Equal([new ClaimedPairing("ABC234", "floor", "tok1")], await store.FindClaimedPairingsAsync(["ABC234", "XYZ789"]));
        Assert.Equal([result.Token!], await store.ListTokensAsync("floor"));
    }

    [Fact]
    public async Task A_code_is_claimed_once_even_by_claims_that_race()
    {
        var store = Open();
        await store.CreateAsync(Board("floor"));
        await store.AddPairingAsync("RACE22", Hash("s"), Clock.GetUtcNow().AddMinutes(10));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.ClaimPairingAsync("RACE22", "floor", $"tok{i}", null))));

        Assert.Single(results, r => r.Outcome == PairingClaimOutcome.Claimed);
        Assert.Equal(7, results.Count(r => r.Outcome == PairingClaimOutcome.UnknownCode));
        Assert.Single(await store.ListTokensAsync("floor"));
    }

    [Fact]
    public async Task An_unknown_or_expired_code_cannot_be_claimed()
    {
        var store = Open();
        await store.CreateAsync(Board("floor"));
        await store.AddPairingAsync("OLD234", Hash("s"), Clock.GetUtcNow().AddMinutes(10));
        Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(PairingClaimOutcome.UnknownCode, (await store.ClaimPairingAsync("OLD234", "floor", "t1", null)).Outcome);
        Assert.Equal(PairingClaimOutcome.UnknownCode, (await store.ClaimPairingAsync("NEW234", "floor", "t2", null)).Outcome);
        Assert.Empty(await store.ListTokensAsync("floor"));
        Assert.Null(await store.FindTokenAsync(Hash("s")));
    }

    [Fact]
    public async Task Claiming_for_an_unknown_board_fails_and_leaves_the_code_waiting()
    {
        var store = Open();
        await store.CreateAsync(Board("floor"));
        await store.AddPairingAsync("WAIT23", Hash("s"), Clock.GetUtcNow().AddMinutes(10));

        var result = await store.ClaimPairingAsync("WAIT23", "nope", "t1", null);

        Assert.Equal(new PairingClaimResult(PairingClaimOutcome.UnknownBoard, null), result);
        Assert.Empty(await store.FindClaimedPairingsAsync(["WAIT23"]));
        Assert.Equal(PairingClaimOutcome.Claimed, (await store.ClaimPairingAsync("WAIT23", "floor", "t1", null)).Outcome);
    }

    [Fact]
    public async Task A_code_in_use_is_refused_until_it_is_removed_or_long_expired()
    {
        var store = Open();
        Assert.True(await store.AddPairingAsync("SAME23", Hash("a"), Clock.GetUtcNow().AddMinutes(10)));

        Assert.False(await store.AddPairingAsync("SAME23", Hash("b"), Clock.GetUtcNow().AddMinutes(10)));
        Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.False(await store.AddPairingAsync("SAME23", Hash("b"), Clock.GetUtcNow().AddMinutes(10)));
        Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await store.AddPairingAsync("SAME23", Hash("b"), Clock.GetUtcNow().AddMinutes(10)));

        await store.RemovePairingsAsync(["SAME23"]);
        Assert.True(await store.AddPairingAsync("SAME23", Hash("c"), Clock.GetUtcNow().AddMinutes(10)));
    }

    [Fact]
    public async Task A_removed_code_is_no_longer_claimed_or_claimable()
    {
        var store = Open();
        await store.CreateAsync(Board("floor"));
        await store.AddPairingAsync("DONE23", Hash("a"), Clock.GetUtcNow().AddMinutes(10));
        await store.AddPairingAsync("GONE23", Hash("b"), Clock.GetUtcNow().AddMinutes(10));
        await store.ClaimPairingAsync("DONE23", "floor", "t1", null);

        await store.RemovePairingsAsync(["DONE23", "GONE23"]);

        Assert.Empty(await store.FindClaimedPairingsAsync(["DONE23", "GONE23"]));
        Assert.Equal(PairingClaimOutcome.UnknownCode, (await store.ClaimPairingAsync("GONE23", "floor", "t2", null)).Outcome);
        Assert.NotNull(await store.FindTokenAsync(Hash("a")));
    }

    [Fact]
    public async Task A_revoked_token_is_gone_and_only_its_own_board_can_revoke_it()
    {
        var store = Open();
        await store.CreateAsync(Board("floor"));
        await store.CreateAsync(Board("lobby"));
        await Pair(store, "PAIR22", "floor", "t1", "s1");
        await Pair(store, "PAIR33", "floor", "t2", "s2");

        Assert.False(await store.RevokeTokenAsync("lobby", "t1"));
        Assert.False(await store.RevokeTokenAsync("floor", "t9"));
        Assert.True(await store.RevokeTokenAsync("floor", "t1"));
        Assert.False(await store.RevokeTokenAsync("floor", "t1"));

        Assert.Null(await store.FindTokenAsync(Hash("s1")));
        Assert.NotNull(await store.FindTokenAsync(Hash("s2")));
        Assert.Equal(["t2"], await store.FindExistingTokenIdsAsync(["t1", "t2", "t3"]));
        Assert.Equal(["t2"], (await store.ListTokensAsync("floor")).Select(t => t.Id));
    }

    [Fact]
    public async Task Deleting_a_board_deletes_its_tokens_and_claimed_codes()
    {
        var store = Open();
        await store.CreateAsync(Board("floor"));
        await store.CreateAsync(Board("lobby"));
        await Pair(store, "PAIR22", "floor", "t1", "s1");
        await Pair(store, "PAIR33", "lobby", "t2", "s2");

        Assert.True(await store.DeleteAsync("floor"));

        Assert.Null(await store.FindAsync("floor"));
        Assert.Null(await store.FindTokenAsync(Hash("s1")));
        Assert.Empty(await store.FindClaimedPairingsAsync(["PAIR22"]));
        Assert.Equal(["t2"], await store.FindExistingTokenIdsAsync(["t1", "t2"]));
        Assert.Equal(["lobby"], (await store.ListAsync()).Select(b => b.Id));
    }

    [Fact]
    public async Task The_change_stamp_moves_with_every_change_a_TV_must_follow()
    {
        var store = Open();
        var stamps = new List<long> { await store.GetChangeStampAsync() };
        async Task Step(Func<Task> change)
        {
            await change();
            stamps.Add(await store.GetChangeStampAsync());
        }

        await Step(() => store.CreateAsync(Board("floor")));
        await Step(() => store.UpdateAsync(Board("floor", "Renamed")));
        await store.AddPairingAsync("PAIR22", Hash("s"), Clock.GetUtcNow().AddMinutes(10));
        await Step(() => store.ClaimPairingAsync("PAIR22", "floor", "t1", null));
        await Step(() => store.RevokeTokenAsync("floor", "t1"));
        await Step(() => store.DeleteAsync("floor"));
        var last = stamps[^1];
        await store.ListAsync();
        await store.FindTokenAsync(Hash("s"));

        for (var i = 1; i < stamps.Count; i++)
        {
            Assert.True(stamps[i] > stamps[i - 1], $"the stamp did not move at step {i}: {string.Join(", ", stamps)}");
        }

        Assert.Equal(last, await store.GetChangeStampAsync());
    }

    [Fact]
    public async Task Boards_tokens_and_codes_survive_reopening_the_store()
    {
        var store = Open();
        await store.CreateAsync(Board("floor", "Sales floor", ["emea"], ["pace"], 15, "dark"));
        await Pair(store, "PAIR22", "floor", "t1", "s1");
        await store.AddPairingAsync("WAIT23", Hash("s2"), Clock.GetUtcNow().AddMinutes(10));
        var stamp = await store.GetChangeStampAsync();

        store = await ReopenAsync(store);

        Assert.Equal("Sales floor", (await store.FindAsync("floor"))!.Title);
        Assert.Equal("t1", (await store.FindTokenAsync(Hash("s1")))!.Id);
        Assert.Equal(stamp, await store.GetChangeStampAsync());
        Assert.Equal(PairingClaimOutcome.Claimed, (await store.ClaimPairingAsync("WAIT23", "floor", "t2", null)).Outcome);
    }

    protected abstract IWallboardStore CreateStore(TimeProvider timeProvider);

    protected static WallboardDefinition Board(
        string id, string title = "Board", string[]? teams = null, string[]? slides = null, int dwellSeconds = 20, string theme = "dark") =>
        new(id, title, teams ?? ["emea"], slides ?? ["leaderboard", "pace"], dwellSeconds, theme);

    protected static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    protected IWallboardStore Open()
    {
        var store = CreateStore(Clock);
        open.Add(store);
        return store;
    }

    /// <summary>Closes the store as a stopping server would, and opens a new one on the same database.</summary>
    protected async Task<IWallboardStore> ReopenAsync(IWallboardStore store)
    {
        open.Remove(store);
        await DisposeStoreAsync(store);
        return Open();
    }

    private async Task Pair(IWallboardStore store, string code, string boardId, string tokenId, string secret)
    {
        Assert.True(await store.AddPairingAsync(code, Hash(secret), Clock.GetUtcNow().AddMinutes(10)));
        Assert.Equal(PairingClaimOutcome.Claimed, (await store.ClaimPairingAsync(code, boardId, tokenId, null)).Outcome);
    }

    private static async Task DisposeStoreAsync(IWallboardStore store)
    {
        if (store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
