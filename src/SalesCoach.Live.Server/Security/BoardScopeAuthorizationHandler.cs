using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Security;

/// <summary>
/// Decides <see cref="BoardScopeRequirement"/>: board tokens read what a TV shows, of their own teams only (a team's
/// board and a rep's pace); nothing else is limited. The reads are an allow-list: a read added later (the coaching
/// queue, say) stays closed to a TV's token unless it is added here.
/// </summary>
public sealed class BoardScopeAuthorizationHandler(Organization org, IServiceProvider services) : AuthorizationHandler<BoardScopeRequirement>
{
    /// <summary>The routes a board token may read (GET or HEAD), each scoped by its <c>teamId</c> or <c>repId</c>.</summary>
    public static readonly IReadOnlySet<string> BoardReads = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/api/teams/{teamId}/board",
        "/api/reps/{repId}/pace",
    };

    /// <inheritdoc />
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, BoardScopeRequirement requirement)
    {
        if (BoardClaims.BoardOf(context.User) is not { } boardId)
        {
            context.Succeed(requirement);
            return;
        }

        switch (context.Resource)
        {
            case HubInvocationContext:
                // Hub methods check the team themselves, with a HubException that names it.
                context.Succeed(requirement);
                return;
            case HttpContext http when http.Request.Path.StartsWithSegments("/hubs"):
                context.Succeed(requirement);
                return;
            case HttpContext http when (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                                       && http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route }
                                       && BoardReads.Contains("/" + route.TrimStart('/')):
                if (services.GetService<IBoardAccess>() is not { } access)
                {
                    return;
                }

                var teams = await access.TeamsOfAsync(boardId, http.RequestAborted);
                var values = http.Request.RouteValues;
                var teamId = values.TryGetValue("teamId", out var team) ? team as string
                    : values.TryGetValue("repId", out var rep) && rep is string repId && org.FindRep(repId) is { } found ? found.TeamId
                    : null;
                if (teamId is not null && teams.Contains(teamId, StringComparer.Ordinal))
                {
                    context.Succeed(requirement);
                }

                return;
            default:
                return;
        }
    }
}
