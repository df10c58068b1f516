using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using SalesCoach.Live.Abstractions.Accounts;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>Registers the account services and, when configured, OpenID Connect single sign-on.</summary>
public static class AccountsExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AccountOptions.Section);
        services.AddOptions<AccountOptions>().Configure(o =>
        {
            o.LockoutMaxFailures = section.GetValue("Lockout:MaxFailures", o.LockoutMaxFailures);
            o.LockoutDuration = TimeSpan.FromMinutes(section.GetValue("Lockout:Minutes", o.LockoutDuration.TotalMinutes));
            o.Session = TimeSpan.FromHours(section.GetValue("SessionHours", o.Session.TotalHours));
            o.MinPasswordLength = section.GetValue("MinPasswordLength", o.MinPasswordLength);
            o.RevalidateEvery = TimeSpan.FromSeconds(section.GetValue("RevalidateSeconds", o.RevalidateEvery.TotalSeconds));
            o.SignInsPerNamePerMinute = section.GetValue("SignIn:PerNamePerMinute", o.SignInsPerNamePerMinute);
            o.SignInsPerAddressPerMinute = section.GetValue("SignIn:PerAddressPerMinute", o.SignInsPerAddressPerMinute);
        }).Validate(o => o.LockoutMaxFailures >= 1 && o.LockoutDuration > TimeSpan.Zero && o.Session > TimeSpan.Zero && o.MinPasswordLength >= 8
                && o.SignInsPerNamePerMinute >= 1 && o.SignInsPerAddressPerMinute >= 1,
            "Accounts: Lockout:MaxFailures must be at least 1, Lockout:Minutes and SessionHours above 0, MinPasswordLength at least 8, SignIn:PerNamePerMinute and SignIn:PerAddressPerMinute at least 1.")
          .ValidateOnStart();
        services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.Section));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<AccountSignIn>();
        services.AddRateLimiter(o => o.AddPolicy<string, SignInAddressPolicy>(SignInThrottle.AddressPolicy));
        services.AddSingleton<AccountAdmin>();
        services.AddSingleton<ApiKeyIssuer>();
        services.AddSingleton<AccountCookieEvents>();
        return services;
    }

    /// <summary>
    /// Adds OpenID Connect when <c>Auth:Oidc:Authority</c> and <c>Auth:Oidc:ClientId</c> are set. The identity
    /// provider's answer is matched to an account by <see cref="SingleSignOnAccount"/>; a person without one is refused.
    /// </summary>
    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var settings = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        if (!settings.Enabled)
        {
            return authentication;
        }

        return authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.MapInboundClaims = false;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.Events.OnRemoteFailure = context =>
            {
                // Refused (no account for the e-mail) or failed at the identity provider: back to the sign-in page.
                context.Response.Redirect($"{AccountEndpoints.LoginPath}?error=sso");
                context.HandleResponse();
                return Task.CompletedTask;
            };
            o.Events.OnTokenValidated = async context =>
            {
                var services = context.HttpContext.RequestServices;
                var account = await SingleSignOnAccount.FindAsync(
                    services.GetRequiredService<IGrainFactory>().GetGrain<IAccountDirectoryGrain>(0),
                    context.Principal,
                    settings.EmailClaim,
                    services.GetRequiredService<ILogger<AccountSignIn>>());
                if (account is null)
                {
                    context.Fail("No SalesCoach.Live account matches this sign-on; ask an admin to create one.");
                    return;
                }

                context.Principal = services.GetRequiredService<AccountSignIn>().PrincipalOf(account);
            };
            // The return URL was checked when the sign-on started; check it again before following it.
            o.Events.OnTicketReceived = context =>
            {
                context.ReturnUri = LocalUrl.OrHome(context.ReturnUri);
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>The name to record as the author of a change: the person's user name or the API key's name.</summary>
    public static string Who(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
