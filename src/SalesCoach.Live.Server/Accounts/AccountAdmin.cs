using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SalesCoach.Live.Abstractions.Accounts;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>
/// Creates, changes and deletes sign-in accounts (admins only), validating against the org. Any change of password,
/// role, teams or rep link gives the account a new security stamp, so its open sessions end within
/// <see cref="AccountOptions.RevalidateEvery"/>.
/// </summary>
public sealed partial class AccountAdmin(IGrainFactory grains, Organization org, IOptions<AccountOptions> options, TimeProvider clock, ILogger<AccountAdmin> logger)
{
    private IAccountDirectoryGrain Directory => grains.GetGrain<IAccountDirectoryGrain>(0);

    public async Task<UserAccount[]> ListAsync() => await Directory.ListAsync();

    public async Task<UserAccount?> FindAsync(string userName) => await Directory.FindAsync(userName);

    /// <summary>Problems with a request, by field (JSON names); empty when it may be saved.</summary>
    public Dictionary<string, string[]> Validate(AccountRequest request, bool creating)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (creating && (request.UserName is null || !UserNamePattern().IsMatch(request.UserName.Trim())))
        {
            errors["userName"] = ["1 to 64 characters: letters, digits, '.', '_', '-' or '@'"];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 100 || request.DisplayName.Any(char.IsControl))
        {
            errors["displayName"] = ["a name of 1 to 100 printable characters is required"];
        }

        if (request.Role is null || !AccountRoles.All.Contains(request.Role))
        {
            errors["role"] = ["must be one of admin, manager, rep"];
        }

        var teams = request.Teams ?? [];
        if (teams.FirstOrDefault(t => org.FindTeam(t) is null) is { } unknownTeam)
        {
            errors["teams"] = [$"unknown team '{unknownTeam}'"];
        }
        else if (request.Role == AccountRoles.Manager && teams.Length == 0)
        {
            errors["teams"] = ["a manager manages at least one team"];
        }

        if (request.Role == AccountRoles.Rep && (request.RepId is null || org.FindRep(request.RepId) is null))
        {
            errors["repId"] = [request.RepId is null ? "a rep's account names its rep id" : $"unknown rep '{request.RepId}'"];
        }

        if (request.Email is not null && (request.Email.Length > 254 || !request.Email.Contains('@', StringComparison.Ordinal) || request.Email.Any(char.IsWhiteSpace)))
        {
            errors["email"] = ["must be an e-mail address"];
        }

        if (request.Password is not null && request.Password.Length < options.Value.MinPasswordLength)
        {
            errors["password"] = [$"must be at least {options.Value.MinPasswordLength} characters"];
        }

        return errors;
    }

    /// <summary>Creates an account (validate first); false when the user name is taken.</summary>
    public async Task<bool> CreateAsync(AccountRequest request, string by)
    {
        var account = new UserAccount(
            UserName: request.UserName!.Trim().ToLowerInvariant(),
            DisplayName: request.DisplayName!.Trim(),
            Role: request.Role!,
            Teams: Normalised(request),
            RepId: request.Role == AccountRoles.Rep ? request.RepId : null,
            Email: request.Email?.Trim(),
            PasswordHash: null,
            SecurityStamp: NewStamp(),
            FailedSignIns: 0,
            LockedUntil: null,
            CreatedAt: clock.GetUtcNow(),
            LastSignInAt: null);
        if (request.Password is { } password)
        {
            account = account with { PasswordHash = AccountSignIn.HashPassword(account, password) };
        }

        var created = await Directory.CreateAsync(account);
        if (created)
        {
            logger.LogInformation("Account {UserName} ({Role}) created by {By}", account.UserName, account.Role, by);
        }

        return created;
    }

    /// <summary>Changes an account (validate first); null when there is none of that name.</summary>
    public async Task<UserAccount?> UpdateAsync(string userName, AccountRequest request, string by)
    {
        if (await Directory.FindAsync(userName) is not { } current)
        {
            return null;
        }

        var next = current with
        {
            DisplayName = request.DisplayName!.Trim(),
            Role = request.Role!,
            Teams = Normalised(request),
            RepId = request.Role == AccountRoles.Rep ? request.RepId : null,
            Email = request.Email?.Trim(),
        };
        if (!string.Equals(next.Email, current.Email, StringComparison.OrdinalIgnoreCase))
        {
            // A new address may be a new person: the next single sign-on links the account again, by that address.
            next = next with { ExternalSubject = null };
        }

        if (request.Password is { } password)
        {
            // A reset password also unlocks the account.
            next = next with { PasswordHash = AccountSignIn.HashPassword(next, password), FailedSignIns = 0, LockedUntil = null };
        }

        if (next.Role != current.Role || !next.Teams.SequenceEqual(current.Teams) || next.RepId != current.RepId || request.Password is not null)
        {
            next = next with { SecurityStamp = NewStamp() };
        }

        await Directory.UpdateAsync(next);
        logger.LogInformation("Account {UserName} changed by {By} (role {Role})", next.UserName, by, next.Role);
        return next;
    }

    public async Task<bool> DeleteAsync(string userName, string by)
    {
        var deleted = await Directory.DeleteAsync(userName);
        if (deleted)
        {
            logger.LogInformation("Account {UserName} deleted by {By}", userName, by);
        }

        return deleted;
    }

    /// <summary>Creates the account or, when it exists, sets its password, role, teams and rep (demo seeding).</summary>
    public async Task EnsureAsync(AccountRequest request, string by)
    {
        if (!await CreateAsync(request, by))
        {
            await UpdateAsync(request.UserName!, request, by);
        }
    }

    private static string[] Normalised(AccountRequest request) =>
        request.Role == AccountRoles.Manager ? (request.Teams ?? []).Distinct(StringComparer.Ordinal).ToArray() : [];

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex(@"^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex UserNamePattern();
}
