using Microsoft.AspNetCore.Authorization;

namespace SalesCoach.Live.Server.Security;

/// <summary>
/// Part of the <c>read</c> and <c>coach</c> policies: a signed-in person reaches only the teams and reps
/// <see cref="TeamAccess"/> gives them, judged by the route's <c>teamId</c> or <c>repId</c>; a rep reaches only the
/// reads listed in <see cref="PersonScopeAuthorizationHandler.RepReads"/>. API keys and board tokens pass (their scopes
/// and <see cref="BoardScopeRequirement"/> decide for them).
/// </summary>
/// <param name="Coaching">True for the coaching policy (queue actions and notes: managers of the team and admins).</param>
public sealed record PersonScopeRequirement(bool Coaching) : IAuthorizationRequirement;
