using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SalesCoach.Live.Server.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy (<c>Proxy:ForwardedHeaders=true</c>): take the scheme and client address from
/// <c>X-Forwarded-Proto</c>/<c>X-Forwarded-For</c>, so sign-in cookies are marked Secure, single sign-on builds https
/// redirect addresses and rate limits see the real client. Only requests that come from a configured proxy are
/// believed: <c>Proxy:KnownProxies</c> (addresses) and <c>Proxy:KnownNetworks</c> (CIDR ranges), none by default (not
/// even loopback): anyone else's forwarded headers are ignored, so a client cannot look local to <c>/metrics</c> or
/// rotate its rate-limit bucket. Off by default.
/// </summary>
public static class ProxyExtensions
{
    public const string Key = "Proxy:ForwardedHeaders";
    public const string KnownProxiesKey = "Proxy:KnownProxies";
    public const string KnownNetworksKey = "Proxy:KnownNetworks";

    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue(Key, false))
        {
            return app;
        }

        var options = TrustedProxies(app.Configuration);
        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
        {
            // With both lists empty the middleware would believe everyone: do not add it at all.
            app.Logger.LogWarning(
                "{Key} is on, but neither {Proxies} nor {Networks} names a proxy: forwarded headers are ignored. Name the proxy's address.",
                Key, KnownProxiesKey, KnownNetworksKey);
            return app;
        }

        app.UseForwardedHeaders(options);
        return app;
    }

    /// <summary>The forwarded-headers options with only the configured proxies trusted.</summary>
    /// <exception cref="InvalidOperationException">An entry is not an address or a CIDR range.</exception>
    public static ForwardedHeadersOptions TrustedProxies(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // ASP.NET Core trusts loopback by default; here nothing is trusted that the operator did not name.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var value in Values(configuration, KnownProxiesKey))
        {
            options.KnownProxies.Add(IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"{KnownProxiesKey}: '{value}' is not an IP address."));
        }

        foreach (var value in Values(configuration, KnownNetworksKey))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"{KnownNetworksKey}: '{value}' is not a CIDR range such as 10.0.0.0/8."));
        }

        return options;
    }

    // A list (Proxy:KnownProxies:0, :1, ...) or one value with commas ("10.0.0.5,10.0.0.6").
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
