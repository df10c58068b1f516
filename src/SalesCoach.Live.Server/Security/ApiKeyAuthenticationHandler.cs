using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SalesCoach.Live.Server.Security;

/// <summary>
/// Authenticates a request by its API key: the <c>X-Api-Key</c> header, an <c>Authorization: Bearer</c> header, or
/// (for the hub, where browsers cannot set headers on WebSockets) the <c>access_token</c> query parameter.
/// Every refusal is a 401 problem, as contract section 4 asks.
/// </summary>
/// <remarks>
/// A credential that is not a configured key may be a board token (<see cref="IBoardAccess"/>, when the wallboard
/// feature is on): it authenticates with the <c>read</c> scope and the <see cref="BoardClaims"/> of its board.
/// </remarks>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys, StoredApiKeys storedKeys, IBoardAccess? boards = null)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        List<Claim> claims;
        // A configured key first, then one created at run time; either way with the scopes it was granted when loaded.
        if ((keys.Find(presented) ?? await storedKeys.FindAsync(presented, Context.RequestAborted)) is { } key)
        {
            claims = [new(ClaimTypes.Name, key.Name)];
            claims.AddRange(key.Scopes.Select(s => new Claim(ApiKeyScopes.ClaimType, s)));
        }
        else if (boards is not null && await boards.ValidateTokenAsync(presented, Context.RequestAborted) is { } board)
        {
            // Read-only, and BoardScopeRequirement narrows the reads to the board's teams.
            claims =
            [
                new(ClaimTypes.Name, "board:" + board.BoardId),
                new(ApiKeyScopes.ClaimType, ApiKeyScopes.Read),
                new(BoardClaims.BoardId, board.BoardId),
                new(BoardClaims.TokenId, board.TokenId),
            ];
        }
        else
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>True when the request presents a credential of any kind (an API key or a board token).</summary>
    internal static bool PresentsCredential(HttpRequest request) =>
        request.Headers.ContainsKey(HeaderName) || request.Headers.ContainsKey("Authorization") || request.Query.ContainsKey("access_token");

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(PresentedKey() is null
            ? $"An API key is required: send it in the {HeaderName} header."
            : "The API key is not valid.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync("The API key does not have the scope this endpoint needs.");

    private string? PresentedKey()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrEmpty(header))
        {
            return header.ToString();
        }

        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        if (Request.Path.StartsWithSegments("/hubs") && Request.Query.TryGetValue("access_token", out var token) && !string.IsNullOrEmpty(token))
        {
            return token.ToString();
        }

        return null;
    }

    private Task WriteProblemAsync(string detail)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        return Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(Context);
    }
}
