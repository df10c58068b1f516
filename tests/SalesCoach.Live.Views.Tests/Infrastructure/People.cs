using System.Security.Claims;
using SalesCoach.Live.Abstractions.Accounts;
using SalesCoach.Live.Server.Accounts;

namespace SalesCoach.Live.Views.Tests.Infrastructure;

/// <summary>Signed-in people with the claims the cookie carries (<see cref="AccountClaims.PrincipalFor"/>).</summary>
public static class People
{
    public static ClaimsPrincipal Manager(params string[] teams) => Person("mia", "Mia Manager", AccountRoles.Manager, teams, null, null);

    public static ClaimsPrincipal Admin() => Person("ada", "Ada Admin", AccountRoles.Admin, [], null, null);

    public static ClaimsPrincipal Rep(string repId, string teamId) => Person(repId, repId, AccountRoles.Rep, [], repId, teamId);

    private static ClaimsPrincipal Person(string userName, string displayName, string role, string[] teams, string? repId, string? repTeam) =>
        AccountClaims.PrincipalFor(
            new UserAccount(userName, displayName, role, teams, repId, null, null, "stamp", 0, null, DateTimeOffset.UnixEpoch, null),
            repTeam);
}
