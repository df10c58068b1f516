using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Live.Server.Hosting;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Security;

/// <summary>
/// Forwarded headers are believed from configured proxies only (<c>Proxy:KnownProxies</c>, <c>Proxy:KnownNetworks</c>;
/// none by default). The tests play a client on another machine: a start-up filter, ahead of the whole pipeline, sets
/// the connection's address from the test-only header <c>X-Test-Peer</c>.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Peer = "X-Test-Peer";
    private const string Proxy = "203.0.113.50";

    [Fact]
    public async Task A_spoofed_X_Forwarded_For_from_a_client_that_is_not_a_known_proxy_does_not_look_local_to_metrics()
    {
        using var app = App(new() { ["Proxy:ForwardedHeaders"] = "true" });
        using var client = app.Client(null);

        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofed.Headers.Add(Peer, "198.51.100.66");
        spoofed.Headers.Add("X-Forwarded-For", "127.0.0.1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(spoofed)).StatusCode);

        // Not even from a proxy address that nobody configured.
        using var fromProxy = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        fromProxy.Headers.Add(Peer, Proxy);
        fromProxy.Headers.Add("X-Forwarded-For", "127.0.0.1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(fromProxy)).StatusCode);
    }

    [Fact]
    public async Task A_configured_proxy_is_believed_and_anyone_else_is_not()
    {
        using var app = App(new() { ["Proxy:ForwardedHeaders"] = "true", ["Proxy:KnownProxies:0"] = Proxy });
        await People.CreateAsync(app, "pia", "admin");

        Assert.Contains("secure", await SignInCookieAsync(app, Proxy), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", await SignInCookieAsync(app, "198.51.100.66"), StringComparison.OrdinalIgnoreCase);

        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        viaProxy.Headers.Add(Peer, Proxy);
        viaProxy.Headers.Add("X-Forwarded-For", "198.51.100.66");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(null).SendAsync(viaProxy)).StatusCode);
    }

    [Fact]
    public void Nothing_is_trusted_by_default_not_even_loopback_and_bad_entries_stop_start_up()
    {
        var none = ProxyExtensions.TrustedProxies(new ConfigurationBuilder().Build());
        Assert.Empty(none.KnownProxies);
        Assert.Empty(none.KnownIPNetworks);

        var some = ProxyExtensions.TrustedProxies(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Proxy:KnownProxies:0"] = "10.0.0.5",
            ["Proxy:KnownNetworks"] = "172.30.0.0/24, fd00::/8",
        }).Build());
        Assert.Equal([IPAddress.Parse("10.0.0.5")], some.KnownProxies);
        Assert.Equal(2, some.KnownIPNetworks.Count);

        Assert.Throws<InvalidOperationException>(() => ProxyExtensions.TrustedProxies(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Proxy:KnownNetworks:0"] = "everyone" }).Build()));
    }

    private static async Task<string> SignInCookieAsync(SalesCoachApp app, string peer)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in") { Content = JsonContent.Create(new { userName = "pia", password = People.Password }) };
        request.Headers.Add(Peer, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".SalesCoach.Auth", StringComparison.Ordinal));
    }

    private static SalesCoachApp App(Dictionary<string, string?> settings) =>
        new(settings: settings, services: s => s.AddTransient<IStartupFilter, PeerFilter>());

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Peer, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
