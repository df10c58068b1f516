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
    public async Task Only_a_verified_email_of_exactly_one_account_matches_and_the_first_match_links_the_subject()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        using var app = SsoApp(idp);
        await People.CreateAsync(app, "sso-rep", "manager", ["alpha"], email: "rep@example.test");
        await People.CreateAsync(app, "twin-a", "manager", ["alpha"], email: "twin@example.test");
        await People.CreateAsync(app, "twin-b", "admin", email: "Twin@example.test");

        // An address the provider has not verified proves nothing.
        var (_, unverified) = await SignInThroughProviderAsync(app, idp, "rep@example.test", emailVerified: false, subject: "subject-1");
        Assert.Equal("/account/login?error=sso", unverified.Headers.Location?.OriginalString);
        // Two accounts with one address: which one would it be? Neither.
        var (_, ambiguous) = await SignInThroughProviderAsync(app, idp, "twin@example.test", subject: "subject-twin");
        Assert.Equal("/account/login?error=sso", ambiguous.Headers.Location?.OriginalString);

        // The first verified match links the account to the provider's subject...
        var (first, linked) = await SignInThroughProviderAsync(app, idp, "rep@example.test", subject: "subject-1");
        Assert.Equal("/api/account/me", linked.Headers.Location?.OriginalString);
        Assert.Equal("sso-rep", (await Json.ReadAsync(await first.GetAsync("/api/account/me"))).GetProperty("userName").GetString());
        // ...so the same person still gets in after their address changes at the provider...
        var (moved, again) = await SignInThroughProviderAsync(app, idp, "rep.new@example.test", subject: "subject-1");
        Assert.Equal("/api/account/me", again.Headers.Location?.OriginalString);
        Assert.Equal("sso-rep", (await Json.ReadAsync(await moved.GetAsync("/api/account/me"))).GetProperty("userName").GetString());
        // ...and someone else who gets the old address there does not.
        var (_, taken) = await SignInThroughProviderAsync(app, idp, "rep@example.test", subject: "subject-2");
        Assert.Equal("/account/login?error=sso", taken.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("https://evil.example/")]
    public async Task A_return_url_off_the_site_ends_at_home_after_single_sign_on(string returnUrl)
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        using var app = SsoApp(idp);
        await People.CreateAsync(app, "sso-admin", "admin", email: "admin@example.test");

        var (_, callback) = await SignInThroughProviderAsync(app, idp, "admin@example.test", returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_form_never_redirects_off_the_site()
    {
        using var app = new SalesCoachApp();
        await People.CreateAsync(app, "formy", "admin");
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var page = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = "formy", ["password"] = People.Password, ["returnUrl"] = "/\t/evil.example",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Without_configuration_there_is_no_single_sign_on()
    {
        using var app = new SalesCoachApp();
        var response = await app.Client(null).GetAsync("/account/login/sso");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static SalesCoachApp SsoApp(TestIdentityProvider idp) => new(settings: new Dictionary<string, string?>
    {
        ["Auth:Oidc:Authority"] = idp.Authority,
        ["Auth:Oidc:ClientId"] = TestIdentityProvider.ClientId,
        ["Auth:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
        ["Auth:Oidc:RequireHttpsMetadata"] = "false",
    }, services: services => services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
    {
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }));

    // The browser's part: follow the server to the provider, "sign in" there, post the code back to the server.
    private static async Task<(HttpClient Client, HttpResponseMessage Callback)> SignInThroughProviderAsync(
        SalesCoachApp app, TestIdentityProvider idp, string email, bool emailVerified = true, string? subject = null, string returnUrl = "/api/account/me")
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var challenge = await client.GetAsync("/account/login/sso?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(idp.Authority + "/authorize", authorize.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(TestIdentityProvider.ClientId, query["client_id"].ToString());

        var code = idp.Approve(query["nonce"].ToString(), email, emailVerified, subject);
        var callback = await client.PostAsync(new Uri(query["redirect_uri"].ToString()), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code,
            ["state"] = query["state"].ToString(),
        }));
        return (client, callback);
    }
}
