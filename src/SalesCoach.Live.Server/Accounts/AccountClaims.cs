using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using SalesCoach.Live.Abstractions.Accounts;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>
/// The claims of a signed-in person (cookie or single sign-on): name, display name, role (<see cref="ClaimTypes.Role"/>),
/// one <see cref="Team"/> claim per managed team, the <see cref="Rep"/> id of a rep, and the account's security stamp.
/// </summary>
public static class AccountClaims
{
    /// <summary>The authentication type of identities built from an account.</summary>
    public const string AuthenticationType = "SalesCoachAccount";

    /// <summary>A team the person manages (managers) or belongs to (reps).</summary>
    public const string Team = "salescoach:team";

    /// <summary>The rep id of a rep's account.</summary>
    public const string Rep = "salescoach:rep";

    /// <summary>The account's security stamp when the cookie was issued.</summary>
    public const string Stamp = "salescoach:stamp";

    /// <summary>The display name.</summary>
    public const string DisplayName = "salescoach:display-name";

    /// <summary>True for a signed-in person (as opposed to an API key or a board token).</summary>
    public static bool IsPerson(ClaimsPrincipal? user) => user?.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AuthenticationType) == true;

    /// <summary>The role of a signed-in person; null for anyone else.</summary>
    public static string? RoleOf(ClaimsPrincipal? user) => IsPerson(user) ? user!.FindFirst(ClaimTypes.Role)?.Value : null;

    /// <summary>The rep id of a signed-in rep; null for anyone else.</summary>
    public static string? RepOf(ClaimsPrincipal? user) => IsPerson(user) ? user!.FindFirst(Rep)?.Value : null;

    /// <summary>The teams claimed by a signed-in person (managed teams, or a rep's own team).</summary>
    public static IReadOnlyList<string> TeamsOf(ClaimsPrincipal? user) =>
        IsPerson(user) ? user!.FindAll(Team).Select(c => c.Value).ToList() : [];

    /// <summary>
    /// True while a signed-in <paramref name="user"/> still speaks for <paramref name="account"/>: the account exists, its
    /// security stamp is the one in the user's claims, and it is not locked at <paramref name="now"/>.
    /// </summary>
    public static bool StillHolds([NotNullWhen(true)] UserAccount? account, ClaimsPrincipal? user, DateTimeOffset now) =>
        account is not null
        && account.SecurityStamp == user?.FindFirst(Stamp)?.Value
        && !(account.LockedUntil is { } until && until > now);

    /// <summary>The principal for an account; a rep's team comes from the org (<paramref name="repTeam"/>).</summary>
    public static ClaimsPrincipal PrincipalFor(UserAccount account, string? repTeam)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.NameIdentifier, account.UserName),
            new(DisplayName, account.DisplayName),
            new(ClaimTypes.Role, account.Role),
            new(Stamp, account.SecurityStamp),
            // Scopes like an API key's, so the API's policies admit people; PersonScopeRequirement narrows them per route.
            new(ApiKeyScopes.ClaimType, ApiKeyScopes.Read),
        };
        if (account.Role == AccountRoles.Admin)
        {
            claims.Add(new(ApiKeyScopes.ClaimType, ApiKeyScopes.Admin));
            claims.Add(new(ApiKeyScopes.ClaimType, ApiKeyScopes.Ingest));
        }

        if (account.Role == AccountRoles.Manager)
        {
            claims.AddRange(account.Teams.Select(t => new Claim(Team, t)));
        }

        if (account.Role == AccountRoles.Rep && account.RepId is { } repId)
        {
            claims.Add(new(Rep, repId));
            if (repTeam is not null)
            {
                claims.Add(new(Team, repTeam));
            }
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
