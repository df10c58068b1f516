using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Accounts;

namespace SalesCoach.Live.Server.Security;

/// <summary>Decides <see cref="PersonScopeRequirement"/> from the route and <see cref="TeamAccess"/>.</summary>
public sealed class PersonScopeAuthorizationHandler(Organization org, TeamAccess access) : AuthorizationHandler<PersonScopeRequirement>
{
    /// <summary>
    /// The reads a rep may make (GET or HEAD): the list of teams and the team-vs-team scorecard, their own team's
    /// leaderboards, competitions and moments, and their own pace, badges and audit. Everything else is closed to reps,
    /// including a read added later, unless it is added here.
    /// </summary>
    public static readonly IReadOnlySet<string> RepReads = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/api/teams",
        "/api/scorecard/teams",
        "/api/teams/{teamId}/board",
        "/api/teams/{teamId}/scorecard",
        "/api/teams/{teamId}/moments",
        "/api/teams/{teamId}/competitions",
        "/api/reps/{repId}/pace",
        "/api/reps/{repId}/badges",
        "/api/reps/{repId}/audit",
        "/api/account/me",
    };

    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PersonScopeRequirement requirement)
    {
        var user = context.User;
        if (!AccountClaims.IsPerson(user))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        if (context.Resource is HubInvocationContext || (context.Resource is HttpContext hub && hub.Request.Path.StartsWithSegments("/hubs")))
        {
            // The hub checks each team itself, with a HubException that names it.
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        if (context.Resource is not HttpContext http)
        {
            return Task.CompletedTask;
        }

        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw ? "/" + raw.TrimStart('/') : null;
        if (AccountClaims.RoleOf(user) == AccountRoles.Rep
            && (requirement.Coaching || route is null || !RepReads.Contains(route)
                || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))))
        {
            return Task.CompletedTask;
        }

        var values = http.Request.RouteValues;
        var teamId = values.TryGetValue("teamId", out var team) ? team as string : null;
        var repId = values.TryGetValue("repId", out var rep) ? rep as string : null;

        // An unknown team or rep passes here, so that the endpoint answers 404 naming it.
        var allowed = (teamId, repId) switch
        {
            ({ } t, _) when org.FindTeam(t) is null => true,
            (_, { } r) when org.FindRep(r) is null => true,
            ({ } t, { } r) => Allowed(t) && RepAllowed(r),
            ({ } t, null) => Allowed(t),
            (null, { } r) => RepAllowed(r),
            _ => AccountClaims.RoleOf(user) is AccountRoles.Admin or AccountRoles.Manager or AccountRoles.Rep,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;

        bool Allowed(string t) => requirement.Coaching ? access.CanCoachTeam(user, t) : access.CanSeeTeam(user, t);

        bool RepAllowed(string r) => requirement.Coaching ? access.CanCoachRep(user, r) : access.CanSeeRep(user, r);
    }
}
