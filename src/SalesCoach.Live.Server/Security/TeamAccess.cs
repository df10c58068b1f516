using System.Security.Claims;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Accounts;

namespace SalesCoach.Live.Server.Security;

/// <summary>
/// Who may see or coach which team and rep: the one place the rules live, used by the API's authorization handler,
/// the hub and the Blazor pages alike.
/// </summary>
/// <remarks>
/// Signed-in people: an <c>admin</c> everything; a <c>manager</c> the teams they manage (their reps' details, queue
/// and notes included); a <c>rep</c> their own team's leaderboard and their own detail, nothing of other reps.
/// API keys: <c>read</c> sees every team, <c>admin</c> also coaches. Board tokens see their board's teams, which is
/// checked where the board is known (<see cref="BoardScopeAuthorizationHandler"/>, the hub).
/// </remarks>
public sealed class TeamAccess(Organization org)
{
    /// <summary>May read the team's board, leaderboards, competitions and moments.</summary>
    public bool CanSeeTeam(ClaimsPrincipal user, string teamId)
    {
        if (org.FindTeam(teamId) is null)
        {
            return false;
        }

        if (!AccountClaims.IsPerson(user))
        {
            return user.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Read) && BoardClaims.BoardOf(user) is null;
        }

        return AccountClaims.RoleOf(user) switch
        {
            AccountRoles.Admin => true,
            AccountRoles.Manager or AccountRoles.Rep => AccountClaims.TeamsOf(user).Contains(teamId, StringComparer.Ordinal),
            _ => false,
        };
    }

    /// <summary>May read the team's coaching queue, acknowledge its items and write its reps' coaching notes.</summary>
    public bool CanCoachTeam(ClaimsPrincipal user, string teamId)
    {
        if (org.FindTeam(teamId) is null)
        {
            return false;
        }

        if (!AccountClaims.IsPerson(user))
        {
            return user.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Admin);
        }

        return AccountClaims.RoleOf(user) switch
        {
            AccountRoles.Admin => true,
            AccountRoles.Manager => AccountClaims.TeamsOf(user).Contains(teamId, StringComparer.Ordinal),
            _ => false,
        };
    }

    /// <summary>May read the queue of a team without coaching it: read keys (as contract section 7 allows) and coaches.</summary>
    public bool CanReadCoaching(ClaimsPrincipal user, string teamId) =>
        CanCoachTeam(user, teamId)
        || (!AccountClaims.IsPerson(user) && BoardClaims.BoardOf(user) is null && org.FindTeam(teamId) is not null
            && user.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Read));

    /// <summary>May open the rep's detail (pace, badges, audit): admins, the rep's managers, the rep themself, read keys.</summary>
    public bool CanSeeRep(ClaimsPrincipal user, string repId)
    {
        if (org.FindRep(repId) is not { } rep)
        {
            return false;
        }

        if (AccountClaims.IsPerson(user) && AccountClaims.RoleOf(user) == AccountRoles.Rep)
        {
            return AccountClaims.RepOf(user) == rep.Id;
        }

        return CanCoachTeam(user, rep.TeamId) || CanSeeTeam(user, rep.TeamId) && !AccountClaims.IsPerson(user);
    }

    /// <summary>May read and write the rep's coaching notes (private to the rep's managers and admins).</summary>
    public bool CanCoachRep(ClaimsPrincipal user, string repId) => org.FindRep(repId) is { } rep && CanCoachTeam(user, rep.TeamId);

    /// <summary>The teams a person or key may see, in org order.</summary>
    public IReadOnlyList<Team> VisibleTeams(ClaimsPrincipal user) => org.Teams.Where(t => CanSeeTeam(user, t.Id)).ToList();

    /// <summary>The teams a person or key may coach, in org order.</summary>
    public IReadOnlyList<Team> CoachedTeams(ClaimsPrincipal user) => org.Teams.Where(t => CanCoachTeam(user, t.Id)).ToList();
}
