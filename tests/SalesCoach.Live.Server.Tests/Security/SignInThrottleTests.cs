using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Server.Accounts;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Security;

/// <summary>
/// Sign-in is rate-limited per client address and per user name (429 with Retry-After), and failures slow down only
/// the address that makes them: a guesser elsewhere cannot keep the real user out.
/// </summary>
public sealed class SignInThrottleTests
{
    private static readonly IPAddress Guesser = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress RealUser = IPAddress.Parse("198.51.100.20");

    [Fact]
    public async Task A_flood_from_one_address_gets_429_with_Retry_After_before_any_password_is_checked()
    {
        using var app = new SalesCoachApp(settings: new Dictionary<string, string?> { ["Accounts:SignIn:PerAddressPerMinute"] = "5" });
        using var client = app.Client(null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            // A different name each time: the per-address limit does not care.
            statuses.Add((await client.PostAsJsonAsync("/api/account/sign-in", new { userName = $"name{i}", password = "some-password" })).StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/account/sign-in", new { userName = "another", password = "some-password" });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "x", ["password"] = "y" });
        var formLimited = await client.PostAsync("/account/login", form);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in seconds");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.TooManyRequests, formLimited.StatusCode);
    }

    [Fact]
    public void Failures_from_one_address_slow_that_address_only_never_the_real_user_elsewhere()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T10:00:00Z", CultureInfo.InvariantCulture));
        using var throttle = Throttle(clock, maxFailures: 5, perName: 1_000);

        for (var i = 0; i < 200; i++)
        {
            if (throttle.Check(Guesser, "admin") is null)
            {
                throttle.Failed(Guesser, "admin");
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var guesserWait = throttle.Check(Guesser, "admin");
        Assert.NotNull(guesserWait);
        Assert.True(guesserWait <= TimeSpan.FromMinutes(15));
        // The admin at their own desk is not slowed at all; another name from the guesser's address neither.
        Assert.Null(throttle.Check(RealUser, "ADMIN"));
        Assert.Null(throttle.Check(Guesser, "manager"));
        // Five failures in 200 seconds, then the doubling waits: brute force is stopped.
        Assert.True(throttle.Check(Guesser, "admin") is not null);
    }

    [Fact]
    public void A_success_clears_the_failures_of_its_address_and_name()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T10:00:00Z", CultureInfo.InvariantCulture));
        using var throttle = Throttle(clock, maxFailures: 3, perName: 1_000);
        throttle.Failed(RealUser, "lou");
        throttle.Failed(RealUser, "lou");
        throttle.Succeeded(RealUser, "lou");
        throttle.Failed(RealUser, "lou");
        throttle.Failed(RealUser, "lou");

        Assert.Null(throttle.Check(RealUser, "lou"));
        throttle.Failed(RealUser, "lou");
        Assert.Equal(TimeSpan.FromSeconds(30), throttle.Check(RealUser, "lou"));
    }

    [Fact]
    public void One_user_name_tried_from_many_addresses_is_limited_too()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T10:00:00Z", CultureInfo.InvariantCulture));
        using var throttle = Throttle(clock, maxFailures: 5, perName: 10);
        var refused = 0;
        for (var i = 0; i < 30; i++)
        {
            var address = IPAddress.Parse($"192.0.2.{i + 1}");
            if (throttle.Check(address, "admin") is { } wait)
            {
                Assert.True(wait > TimeSpan.Zero);
                refused++;
            }
        }

        Assert.Equal(20, refused);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::1")]
    public void Addresses_are_counted_per_IPv4_address_and_per_IPv6_64(string address, string key) =>
        Assert.Equal(key, SignInThrottle.AddressKey(IPAddress.Parse(address)));

    private static SignInThrottle Throttle(TimeProvider clock, int maxFailures, int perName) =>
        new(Options.Create(new AccountOptions { LockoutMaxFailures = maxFailures, LockoutDuration = TimeSpan.FromMinutes(15), SignInsPerNamePerMinute = perName }), clock);
}
