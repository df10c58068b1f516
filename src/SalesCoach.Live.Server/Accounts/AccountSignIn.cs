using Microsoft.AspNetCore.Identity;
using SalesCoach.Live.Abstractions.Accounts;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>
/// Checks a user name and password against the stored accounts with ASP.NET Core Identity's password hasher, behind
/// the <see cref="SignInThrottle"/> (per address, per user name, and per address and user name after failures in a
/// row). An unknown name, an account without a password, a locked account and a wrong password get the same answer
/// after the same work (one directory read and one hash).
/// </summary>
public sealed class AccountSignIn(IGrainFactory grains, Organization org, SignInThrottle throttle, TimeProvider clock, ILogger<AccountSignIn> logger)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Verified against when the name is unknown, so an unknown name costs as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString("N"));

    private IAccountDirectoryGrain Directory => grains.GetGrain<IAccountDirectoryGrain>(0);

    /// <summary>The stored form of a password.</summary>
    public static string HashPassword(UserAccount account, string password) => Hasher.HashPassword(account, password);

    /// <summary>Signs in <paramref name="userName"/> from <paramref name="address"/>, unless that is throttled.</summary>
    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, System.Net.IPAddress? address = null)
    {
        if (throttle.Check(address, userName) is { } wait)
        {
            logger.LogWarning("Sign-in throttled for a user name from {Address} for {Seconds:0} s", address, wait.TotalSeconds);
            return SignInOutcome.Throttled(wait);
        }

        var now = clock.GetUtcNow();
        var account = string.IsNullOrWhiteSpace(userName) ? null : await Directory.FindAsync(userName);
        var hash = account?.PasswordHash ?? DecoyHash;
        // Always one verification, whether the account exists or not.
        var verdict = Hasher.VerifyHashedPassword(account!, hash, password ?? string.Empty);
        var locked = account?.LockedUntil is { } until && until > now;
        if (account?.PasswordHash is null || locked || verdict == PasswordVerificationResult.Failed)
        {
            throttle.Failed(address, userName);
            logger.LogInformation("Sign-in refused from {Address}: unknown user name, no password, locked account or wrong password", address);
            return SignInOutcome.Refused;
        }

        throttle.Succeeded(address, userName);
        var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(account, password!) : null;
        await Directory.RecordSignedInAsync(account.UserName, now, rehash);
        logger.LogInformation("{UserName} signed in as {Role}", account.UserName, account.Role);
        return new SignInOutcome(PrincipalOf(account), null);
    }

    /// <summary>The principal of an account, with a rep's team looked up in the org.</summary>
    public System.Security.Claims.ClaimsPrincipal PrincipalOf(UserAccount account) =>
        AccountClaims.PrincipalFor(account, account.RepId is { } repId ? org.FindRep(repId)?.TeamId : null);
}
