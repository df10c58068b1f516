using SalesCoach.Live.Abstractions.Accounts;
using SalesCoach.Live.Grains.Tests.Infrastructure;

namespace SalesCoach.Live.Grains.Tests.Accounts;

/// <summary>The account directory keeps accounts by case-insensitive name, counts failures and locks, and survives reactivation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AccountDirectoryTests(GrainCluster cluster)
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static UserAccount Account(string name, string role = "manager") =>
        new(name, name, role, ["emea"], null, $"{name}@example.test", "hash", "stamp-1", 0, null, At, null);

    [Fact]
    public async Task Names_are_case_insensitive_and_taken_only_once()
    {
        var directory = cluster.Grains.GetGrain<IAccountDirectoryGrain>(0);
        Assert.True(await directory.CreateAsync(Account("Case.Test")));
        Assert.False(await directory.CreateAsync(Account("case.test")));
        Assert.Equal("case.test", (await directory.FindAsync("CASE.TEST"))!.UserName);
        Assert.Equal("case.test", (await directory.FindByEmailAsync("Case.Test@Example.TEST"))!.UserName);
        Assert.False(await directory.UpdateAsync(Account("nobody-here")));
        Assert.True(await directory.DeleteAsync("Case.Test"));
        Assert.Null(await directory.FindAsync("case.test"));
    }

    [Fact]
    public async Task The_third_failure_in_a_row_locks_and_a_success_clears_the_count()
    {
        var directory = cluster.Grains.GetGrain<IAccountDirectoryGrain>(0);
        await directory.CreateAsync(Account("lockable"));

        Assert.Equal(1, (await directory.RecordFailedSignInAsync("lockable", At, 3, TimeSpan.FromMinutes(15)))!.FailedSignIns);
        await directory.RecordSignedInAsync("lockable", At.AddMinutes(1), rehashedPassword: null);
        Assert.Equal(0, (await directory.FindAsync("lockable"))!.FailedSignIns);

        await directory.RecordFailedSignInAsync("lockable", At, 3, TimeSpan.FromMinutes(15));
        await directory.RecordFailedSignInAsync("lockable", At, 3, TimeSpan.FromMinutes(15));
        var locked = await directory.RecordFailedSignInAsync("lockable", At.AddMinutes(2), 3, TimeSpan.FromMinutes(15));
        Assert.Equal(At.AddMinutes(17), locked!.LockedUntil);
        Assert.Null(await directory.RecordFailedSignInAsync("nobody-at-all", At, 3, TimeSpan.FromMinutes(15)));

        // Kept in grain storage: a reactivated directory still has the lock.
        await cluster.DeactivateAsync(directory);
        Assert.Equal(At.AddMinutes(17), (await cluster.Grains.GetGrain<IAccountDirectoryGrain>(0).FindAsync("lockable"))!.LockedUntil);
    }

    [Fact]
    public async Task A_revoked_api_key_stays_listed_and_is_revoked_once()
    {
        var keys = cluster.Grains.GetGrain<IApiKeyDirectoryGrain>(0);
        await keys.CreateAsync(new StoredApiKey("k-test-1", "dialer", ["ingest"], "abc", "sc_abc", At, "admin", null));
        Assert.True(await keys.RevokeAsync("k-test-1", At.AddHours(1)));
        Assert.False(await keys.RevokeAsync("k-test-1", At.AddHours(2)));
        Assert.False(await keys.RevokeAsync("no-such-key", At));
        await cluster.DeactivateAsync(keys);
        var listed = (await cluster.Grains.GetGrain<IApiKeyDirectoryGrain>(0).ListAsync()).Single(k => k.Id == "k-test-1");
        Assert.Equal(At.AddHours(1), listed.RevokedAt);
    }
}
