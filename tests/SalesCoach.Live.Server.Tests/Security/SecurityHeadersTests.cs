using System.Net;
using System.Text.RegularExpressions;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Security;

/// <summary>
/// A Content-Security-Policy without inline script on the pages and the wallboard, no framing unless the wallboard
/// names who may frame it, and HSTS on HTTPS. (The browser tests run the pages and the wallboard under these headers.)
/// </summary>
public sealed partial class SecurityHeadersTests
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/wallboard/")]
    public async Task Pages_and_the_wallboard_have_a_policy_without_inline_script_and_refuse_framing(string path)
    {
        using var app = new SalesCoachApp();
        var response = await app.Client(null).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Directives(response);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        // And nothing on the page needs inline script: every script element has a src.
        var html = await response.Content.ReadAsStringAsync();
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.All(scripts, s => Assert.Contains(" src=", s, StringComparison.Ordinal));
        Assert.DoesNotMatch("<[a-zA-Z][^>]*\\son[a-z]+\\s*=", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_wallboard_may_be_framed_by_the_configured_origins_only_and_the_pages_never()
    {
        using var app = new SalesCoachApp(settings: new Dictionary<string, string?>
        {
            ["Wallboard:FrameAncestors"] = "https://intranet.example.com, https://signage.example.com",
        });
        using var client = app.Client(null);

        var wallboard = await client.GetAsync("/wallboard/");
        var page = await client.GetAsync("/account/login");

        Assert.Equal("https://intranet.example.com https://signage.example.com", Directives(wallboard)["frame-ancestors"]);
        Assert.False(wallboard.Headers.Contains("X-Frame-Options"));
        Assert.Equal("'none'", Directives(page)["frame-ancestors"]);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        // The test client plays the TLS-terminating proxy on loopback.
        using var app = new SalesCoachApp(settings: new Dictionary<string, string?>
        {
            ["Proxy:ForwardedHeaders"] = "true",
            ["Proxy:KnownProxies:0"] = "127.0.0.1",
        });
        using var client = app.Client(null);
        using var https = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        https.Headers.Add("X-Forwarded-Proto", "https");

        var secure = await client.SendAsync(https);
        var plain = await client.GetAsync("/account/login");

        Assert.Matches("^max-age=31536000$", secure.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "", StringComparer.Ordinal);

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
