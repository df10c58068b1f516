using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Accounts;

/// <summary>OpenID Connect single sign-on: the provider proves the e-mail, the account with that e-mail decides the rest.</summary>
public sealed class SingleSignOnTests
{
    [Fact]
    public async Task A_person_whose_email_has_an_account_signs_in_through_the_identity_provider_and_others_are_refused()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        using var app = new SalesCoachApp(settings: new Dictionary<string, string?>
        {
            ["Auth:Oidc:Authority"] = idp.Authority,
            ["Auth:Oidc:ClientId"] = TestIdentityProvider.ClientId,
            ["Auth:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
        }, services: services => services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            // The provider's correlation and nonce cookies are Secure-only (SameSite=None); this test speaks plain http.
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }));
        await People.CreateAsync(app, "sso-manager", "manager", ["alpha"], email: "Sso.Manager@example.test");

        var (client, status) = await SignInThroughProviderAsync(app, idp, "sso.manager@example.test");
        Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
        Assert.Equal("/api/account/me", status.Headers.Location?.OriginalString);
        var me = await Json.ReadAsync(await client.GetAsync("/api/account/me"));
        Assert.Equal("sso-manager", me.GetProperty("userName").GetString());
        Assert.Equal("manager", me.GetProperty("role").GetString());

        var (stranger, refused) = await SignInThroughProviderAsync(app, idp, "nobody@example.test");
        Assert.Equal("/account/login?error=sso", refused.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task Without_configuration_there_is_no_single_sign_on()
    {
        using var app = new SalesCoachApp();
        var response = await app.Client(null).GetAsync("/account/login/sso");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // The browser's part: follow the server to the provider, "sign in" there, post the code back to the server.
    private static async Task<(HttpClient Client, HttpResponseMessage Callback)> SignInThroughProviderAsync(SalesCoachApp app, TestIdentityProvider idp, string email)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var challenge = await client.GetAsync("/account/login/sso?returnUrl=/api/account/me");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(idp.Authority + "/authorize", authorize.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(TestIdentityProvider.ClientId, query["client_id"].ToString());

        var code = idp.Approve(query["nonce"].ToString(), email);
        var callback = await client.PostAsync(new Uri(query["redirect_uri"].ToString()), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code,
            ["state"] = query["state"].ToString(),
        }));
        return (client, callback);
    }
}
