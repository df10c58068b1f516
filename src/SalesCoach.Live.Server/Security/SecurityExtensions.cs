using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace SalesCoach.Live.Server.Security;

/// <summary>Wires API-key authentication and the scope policies.</summary>
public static class SecurityExtensions
{
    public const string IngestPolicy = "ingest";
    public const string ReadPolicy = "read";
    public const string AdminPolicy = "admin";

    /// <summary>
    /// Who may connect to the live hub: a caller with the <c>read</c> scope (an API key or a board token), or a TV that
    /// waits to be paired: a request with <c>pairing=1</c> in its query and no credential at all. The hub lets such a
    /// pairing connection call <c>StartPairing</c> only.
    /// </summary>
    public const string LiveHubPolicy = "live-hub";

    /// <summary>The query parameter that marks a hub connection of a TV waiting to be paired.</summary>
    public const string PairingQueryParameter = "pairing";

    public static WebApplicationBuilder AddApiKeySecurity(this WebApplicationBuilder builder)
    {
        var entries = builder.Configuration.GetSection("ApiKeys").Get<List<ApiKeyEntry>>() ?? [];
        builder.Services.AddSingleton(new ApiKeyStore(entries));
        builder.Services
            .AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddSingleton<IAuthorizationHandler, BoardScopeAuthorizationHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(IngestPolicy, p => p.RequireClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Ingest))
            .AddPolicy(ReadPolicy, p => p.RequireClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Read).AddRequirements(new BoardScopeRequirement()))
            .AddPolicy(AdminPolicy, p => p.RequireClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Admin))
            .AddPolicy(LiveHubPolicy, p => p.RequireAssertion(context =>
                context.User.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Read) || IsPairingRequest(context.Resource)));
        return builder;
    }

    /// <summary>True for a hub request (or an invocation on a connection) of a TV waiting to be paired.</summary>
    public static bool IsPairingRequest(object? resource)
    {
        var http = resource switch
        {
            HttpContext context => context,
            HubInvocationContext invocation => invocation.Context.GetHttpContext(),
            _ => null,
        };
        return http is not null
            && http.User.Identity?.IsAuthenticated != true
            && http.Request.Query[PairingQueryParameter] == "1"
            && !ApiKeyAuthenticationHandler.PresentsCredential(http.Request);
    }
}
