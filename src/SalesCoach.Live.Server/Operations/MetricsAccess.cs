using System.Net;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Operations;

/// <summary>
/// Who may scrape <c>/metrics</c>: a caller with an admin key, or (unless <c>Metrics:AllowLoopback</c> is false) any
/// caller on this machine: a request from a loopback address that a proxy did not forward (no <c>Forwarded</c> or
/// <c>X-Forwarded-For</c> header).
/// </summary>
public static class MetricsAccess
{
    /// <summary>The authorization policy of the scraping endpoint.</summary>
    public const string Policy = "metrics";

    /// <summary>True when the request may scrape.</summary>
    public static bool Allows(System.Security.Claims.ClaimsPrincipal user, object? resource, bool allowLoopback) =>
        user.HasClaim(ApiKeyScopes.ClaimType, ApiKeyScopes.Admin)
        || (allowLoopback && resource is HttpContext http && IsLocal(http));

    /// <summary>A direct request from this machine.</summary>
    public static bool IsLocal(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress is { } address
            && IPAddress.IsLoopback(address)
            && !http.Request.Headers.ContainsKey("X-Forwarded-For")
            && !http.Request.Headers.ContainsKey("Forwarded");
    }
}
