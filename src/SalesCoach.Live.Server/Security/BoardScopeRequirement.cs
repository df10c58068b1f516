using Microsoft.AspNetCore.Authorization;

namespace SalesCoach.Live.Server.Security;

/// <summary>
/// Part of the <c>read</c> policy: a caller with a board token may only make GET (or HEAD) reads of its board's teams
/// (a route with a <c>teamId</c> of one of them, or a <c>repId</c> of one of their reps) and connect to the hub, where
/// the hub checks each team. Any other caller passes.
/// </summary>
public sealed class BoardScopeRequirement : IAuthorizationRequirement;
