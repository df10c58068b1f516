using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SalesCoach.Live.Abstractions.Accounts;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>
/// Checks a user name and password against the stored accounts with ASP.NET Core Identity's password hasher, counts
/// failures and locks an account after <see cref="AccountOptions.LockoutMaxFailures"/> of them in a row.
/// </summary>
public sealed class AccountSignIn(IGrainFactory grains, Organization org, IOptions<AccountOptions> options, TimeProvider clock, ILogger<AccountSignIn> logger)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Verified against when the name is unknown, so an unknown name costs as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString("N"));

    private IAccountDirectoryGrain Directory => grains.GetGrain<IAccountDirectoryGrain>(0);

    /// <summary>The stored form of a password.</summary>
    public static string HashPassword(UserAccount account, string password) => Hasher.HashPassword(account, password);

    public async Task<SignInOutcome> SignInAsync(string? userName, string? password)
    {
        var now = clock.GetUtcNow();
        var account = string.IsNullOrWhiteSpace(userName) ? null : await Directory.FindAsync(userName);
        if (account?.PasswordHash is not { } hash)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password ?? string.Empty);
            logger.LogInformation("Sign-in refused for an unknown user name or an account without a password");
            return new SignInOutcome(null, null);
        }

        if (account.LockedUntil is { } until && until > now)
        {
            logger.LogWarning("Sign-in refused for {UserName}: locked until {LockedUntil}", account.UserName, until);
            return new SignInOutcome(null, until);
        }

        var verdict = Hasher.VerifyHashedPassword(account, hash, password ?? string.Empty);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var settings = options.Value;
            var after = await Directory.RecordFailedSignInAsync(account.UserName, now, settings.LockoutMaxFailures, settings.LockoutDuration);
            logger.LogWarning("Sign-in failed for {UserName} ({Failures} in a row)", account.UserName, after?.FailedSignIns);
            return new SignInOutcome(null, after?.LockedUntil is { } locked && locked > now ? locked : null);
        }

        var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(account, password!) : null;
        await Directory.RecordSignedInAsync(account.UserName, now, rehash);
        logger.LogInformation("{UserName} signed in as {Role}", account.UserName, account.Role);
        return new SignInOutcome(PrincipalOf(account), null);
    }

    /// <summary>The principal of an account, with a rep's team looked up in the org.</summary>
    public System.Security.Claims.ClaimsPrincipal PrincipalOf(UserAccount account) =>
        AccountClaims.PrincipalFor(account, account.RepId is { } repId ? org.FindRep(repId)?.TeamId : null);
}
