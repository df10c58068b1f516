using SalesCoach.Live.Abstractions.Accounts;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>An account as the API shows it: never the password hash or the security stamp.</summary>
public sealed record AccountView(
    string UserName,
    string DisplayName,
    string Role,
    string[] Teams,
    string? RepId,
    string? Email,
    bool HasPassword,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt)
{
    public static AccountView Of(UserAccount account) => new(
        account.UserName, account.DisplayName, account.Role, account.Teams, account.RepId, account.Email,
        account.PasswordHash is not null, account.LockedUntil, account.CreatedAt, account.LastSignInAt);
}
