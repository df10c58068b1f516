using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>
/// The per-client-address limit of the sign-in endpoints (<see cref="AccountOptions.SignInsPerAddressPerMinute"/>, a
/// token bucket refilled every minute): <c>429</c> with <c>Retry-After</c> beyond it, before any password is hashed.
/// IPv6 clients are counted per /64, the block one subscriber usually holds.
/// </summary>
public sealed class SignInAddressPolicy(IOptions<AccountOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(Results.Problem(
            detail: $"Too many sign-in attempts: try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests").ExecuteAsync(context.HttpContext));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var perMinute = options.Value.SignInsPerAddressPerMinute;
        return RateLimitPartition.GetTokenBucketLimiter(SignInThrottle.AddressKey(httpContext.Connection.RemoteIpAddress), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
