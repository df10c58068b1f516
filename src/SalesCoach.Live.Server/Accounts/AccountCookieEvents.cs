using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using SalesCoach.Live.Abstractions.Accounts;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>
/// The sign-in cookie's events: API and hub requests get a 401 or 403 problem instead of a redirect to the sign-in
/// page, and a cookie is checked against the stored account every <see cref="AccountOptions.RevalidateEvery"/>, so a
/// deleted or locked account, or a changed password, role or team list, ends its sessions.
/// </summary>
public sealed class AccountCookieEvents(IGrainFactory grains, AccountSignIn signIn, IOptions<AccountOptions> options, TimeProvider clock)
    : CookieAuthenticationEvents
{
    private const string CheckedAtKey = "checkedAt";

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context.Request)
            ? WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized", "Sign in, or send an API key in the X-Api-Key header.")
            : base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context.Request)
            ? WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "Your account may not see this team or rep, or do this.")
            : base.RedirectToAccessDenied(context);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var now = clock.GetUtcNow();
        var checkedAt = context.Properties.Items.TryGetValue(CheckedAtKey, out var text) && long.TryParse(text, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : context.Properties.IssuedUtc ?? DateTimeOffset.MinValue;
        if (now - checkedAt < options.Value.RevalidateEvery)
        {
            return;
        }

        var name = context.Principal?.Identity?.Name;
        var account = name is null ? null : await grains.GetGrain<IAccountDirectoryGrain>(0).FindAsync(name);
        if (!AccountClaims.StillHolds(account, context.Principal, now))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        // Same stamp: same role and teams; a rep's team comes from the org, which may have moved the rep.
        context.ReplacePrincipal(signIn.PrincipalOf(account));
        context.Properties.Items[CheckedAtKey] = now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }

    /// <summary>Requests answered with problems rather than pages.</summary>
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/metrics");

    private static Task WriteProblemAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        return Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(http);
    }
}
