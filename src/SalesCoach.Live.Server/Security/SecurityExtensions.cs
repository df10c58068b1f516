using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using SalesCoach.Live.Server.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace SalesCoach.Live.Server.Security;

/// <summary>Wires authentication (API keys, board tokens, the sign-in cookie, optional single sign-on) and the policies.</summary>
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

    /// <summary>
    /// Coaching actions and notes: an API key with the <c>admin</c> scope, an admin, or a manager of the route's team
    /// (or of the rep's team).
    /// </summary>
    public const string CoachPolicy = "coach";

    /// <summary>The default scheme: picks the API key handler or the sign-in cookie for each request.</summary>
    public const string DefaultScheme = "SalesCoach";

    /// <summary>The name of the sign-in cookie.</summary>
    public const string CookieName = ".SalesCoach.Auth";

    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var entries = builder.Configuration.GetSection("ApiKeys").Get<List<ApiKeyEntry>>() ?? [];
        builder.Services.AddSingleton(new ApiKeyStore(entries));
        builder.Services.AddSingleton<StoredApiKeys>();
        builder.Services.AddSingleton<TeamAccess>();
        builder.Services.AddAccounts(builder.Configuration);

        var authentication = builder.Services
            .AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "API key or sign-in cookie", o => o.ForwardDefaultSelector = SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request came over HTTPS (behind a proxy: forwarded headers, see docs/production.md).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = AccountEndpoints.LoginPath;
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.SlidingExpiration = true;
                o.EventsType = typeof(AccountCookieEvents);
            });
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AccountOptions>>((o, accounts) => o.ExpireTimeSpan = accounts.Value.Session);
        authentication.AddSingleSignOn(builder.Configuration);

        builder.Services.AddSingleton<IAuthorizationHandler, BoardScopeAuthorizationHandler>();
        builder.Services.AddSingleton<IAuthorizationHandler, PersonScopeAuthorizationHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(IngestPolicy, p => p.RequireClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Ingest))
            .AddPolicy(ReadPolicy, p => p.RequireClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Read)
                .AddRequirements(new BoardScopeRequirement(), new PersonScopeRequirement(Coaching: false)))
            .AddPolicy(CoachPolicy, p => p.RequireAssertion(context =>
                    context.User.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Admin) || AccountClaims.RoleOf(context.User) == AccountRoles.Manager)
                .AddRequirements(new PersonScopeRequirement(Coaching: true)))
            .AddPolicy(AdminPolicy, p => p.RequireClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Admin))
            .AddPolicy(LiveHubPolicy, p => p.RequireAssertion(context =>
                context.User.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Read) || IsPairingRequest(context.Resource)));
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>
    /// The scheme that judges a request: the API key handler when the request presents a key or token, the sign-in
    /// cookie when it carries one; otherwise the API key handler for the API and the hub (so an anonymous call gets the
    /// contract's 401 problem) and the cookie for pages (so a person is sent to the sign-in page).
    /// </summary>
    public static string SchemeFor(HttpContext context)
    {
        if (ApiKeyAuthenticationHandler.PresentsCredential(context.Request))
        {
            return ApiKeyAuthenticationHandler.SchemeName;
        }

        if (context.Request.Cookies.ContainsKey(CookieName))
        {
            return CookieAuthenticationDefaults.AuthenticationScheme;
        }

        return AccountCookieEvents.IsApi(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme;
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
