using SalesCoach.Live.Abstractions.Accounts;

namespace SalesCoach.Live.Grains.Accounts;

/// <summary>Keeps the sign-in accounts; every change is written before the call returns.</summary>
[GrainType("accounts")]
public sealed class AccountDirectoryGrain([PersistentState("accounts", "store")] IPersistentState<AccountDirectoryState> state)
    : Grain, IAccountDirectoryGrain
{
    private Dictionary<string, UserAccount> Accounts => state.State.Accounts;

    public Task<UserAccount?> FindAsync(string userName) => Task.FromResult(Accounts.GetValueOrDefault(Key(userName)));

    public Task<UserAccount?> FindByEmailAsync(string email) =>
        Task.FromResult(Accounts.Values.FirstOrDefault(a => a.Email is not null && string.Equals(a.Email, email.Trim(), StringComparison.OrdinalIgnoreCase)));

    public Task<UserAccount[]> ListAsync() => Task.FromResult(Accounts.Values.OrderBy(a => a.UserName, StringComparer.Ordinal).ToArray());

    public async Task<bool> CreateAsync(UserAccount account)
    {
        var key = Key(account.UserName);
        if (Accounts.ContainsKey(key))
        {
            return false;
        }

        Accounts[key] = account with { UserName = key };
        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> UpdateAsync(UserAccount account)
    {
        var key = Key(account.UserName);
        if (!Accounts.ContainsKey(key))
        {
            return false;
        }

        Accounts[key] = account with { UserName = key };
        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> DeleteAsync(string userName)
    {
        if (!Accounts.Remove(Key(userName)))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public async Task<UserAccount?> RecordFailedSignInAsync(string userName, DateTimeOffset at, int maxFailures, TimeSpan lockout)
    {
        var key = Key(userName);
        if (Accounts.GetValueOrDefault(key) is not { } account)
        {
            return null;
        }

        var failures = account.FailedSignIns + 1;
        account = failures >= maxFailures
            ? account with { FailedSignIns = 0, LockedUntil = at + lockout }
            : account with { FailedSignIns = failures };
        Accounts[key] = account;
        await state.WriteStateAsync();
        return account;
    }

    public async Task RecordSignedInAsync(string userName, DateTimeOffset at, string? rehashedPassword)
    {
        var key = Key(userName);
        if (Accounts.GetValueOrDefault(key) is not { } account)
        {
            return;
        }

        Accounts[key] = account with
        {
            FailedSignIns = 0,
            LockedUntil = null,
            LastSignInAt = at,
            PasswordHash = rehashedPassword ?? account.PasswordHash,
        };
        await state.WriteStateAsync();
    }

    private static string Key(string userName) => userName.Trim().ToLowerInvariant();
}
