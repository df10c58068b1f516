using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>
/// Signing in and out: the sign-in page's form (<c>POST /account/login</c>, antiforgery-checked), single sign-on
/// (<c>GET /account/login/sso</c>), and a JSON pair for scripts and single-page clients
/// (<c>POST /api/account/sign-in</c>, <c>GET /api/account/me</c>).
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapPost(LoginPath, FormSignInAsync).AllowAnonymous().RequireRateLimiting(SignInThrottle.AddressPolicy).ExcludeFromDescription();
        app.MapPost("/account/logout", (Delegate)SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        app.MapGet("/account/login/sso", (string? returnUrl, IOptions<OidcOptions> oidc) =>
            oidc.Value.Enabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
                : Results.Problem(detail: "Single sign-on is not configured (Auth:Oidc:Authority).", statusCode: StatusCodes.Status404NotFound, title: "Not found"))
            .AllowAnonymous().ExcludeFromDescription();

        var api = app.MapGroup("/api/account").WithTags("Account");
        api.MapPost("/sign-in", JsonSignInAsync).AllowAnonymous().RequireRateLimiting(SignInThrottle.AddressPolicy)
            .WithSummary("Sign in with a user name and password; sets the sign-in cookie.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/me", (ClaimsPrincipal user, TeamAccess access) => Results.Json(new
            {
                userName = user.Identity!.Name,
                displayName = user.FindFirst(AccountClaims.DisplayName)?.Value,
                role = AccountClaims.RoleOf(user),
                repId = AccountClaims.RepOf(user),
                teams = access.VisibleTeams(user).Select(t => t.Id),
                coaches = access.CoachedTeams(user).Select(t => t.Id),
            }))
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(CookieAuthenticationDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser().Build())
            .WithSummary("The signed-in person: role, rep and the teams they may see and coach.");
        return app;
    }

    private static async Task<IResult> FormSignInAsync(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, AccountSignIn signIn, HttpContext http)
    {
        var outcome = await signIn.SignInAsync(userName, password, http.Connection.RemoteIpAddress);
        if (!outcome.Succeeded)
        {
            // The page says "wait" for a throttled attempt (its words: "locked" for a while).
            var error = outcome.IsThrottled ? "locked" : "invalid";
            if (outcome.IsThrottled)
            {
                http.Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Redirect($"{LoginPath}?error={error}&returnUrl={Uri.EscapeDataString(LocalOrHome(returnUrl))}");
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, outcome.Principal!);
        return Results.LocalRedirect(LocalOrHome(returnUrl));
    }

    private static async Task<IResult> JsonSignInAsync(SignInRequest? request, AccountSignIn signIn, HttpContext http)
    {
        if (request is null || string.IsNullOrEmpty(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (string.IsNullOrEmpty(request?.UserName))
            {
                errors["userName"] = ["is required"];
            }

            if (string.IsNullOrEmpty(request?.Password))
            {
                errors["password"] = ["is required"];
            }

            return Results.ValidationProblem(errors);
        }

        var outcome = await signIn.SignInAsync(request.UserName, request.Password, http.Connection.RemoteIpAddress);
        if (outcome.IsThrottled)
        {
            http.Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(detail: outcome.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
        }

        if (!outcome.Succeeded)
        {
            return Results.Problem(detail: outcome.Message, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, outcome.Principal!);
        var user = outcome.Principal!;
        return Results.Json(new { userName = user.Identity!.Name, role = AccountClaims.RoleOf(user), repId = AccountClaims.RepOf(user), teams = AccountClaims.TeamsOf(user) });
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect(LoginPath);
    }

    /// <summary>A local return URL, or the home page: never a redirect to another site (<see cref="LocalUrl"/>).</summary>
    public static string LocalOrHome(string? returnUrl) => LocalUrl.OrHome(returnUrl);
}
