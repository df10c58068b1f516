using Microsoft.AspNetCore.HttpOverrides;

namespace SalesCoach.Live.Server.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy (<c>Proxy:ForwardedHeaders=true</c>): take the scheme and client address from
/// <c>X-Forwarded-Proto</c>/<c>X-Forwarded-For</c>, so sign-in cookies are marked Secure and single sign-on builds
/// https redirect addresses. Off by default: a node reachable directly must not believe a client's headers.
/// </summary>
public static class ProxyExtensions
{
    public const string Key = "Proxy:ForwardedHeaders";

    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        if (!app.Configuration.GetValue(Key, false))
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // The nodes sit on a private network behind the proxy (docs/production.md); trust whoever forwards to them.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        app.UseForwardedHeaders(options);
        return app;
    }
}
