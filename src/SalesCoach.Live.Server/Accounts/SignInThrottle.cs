using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>
/// Brute-force brakes for password sign-in, in front of the password hash (so a flood cannot run the hash on every
/// core). Three of them, all answered <c>429</c> with <c>Retry-After</c>:
/// <list type="bullet">
/// <item>per client address: the <see cref="AddressPolicy"/> rate-limiting policy on the sign-in endpoints;</item>
/// <item>per user name, whoever asks (<see cref="AccountOptions.SignInsPerNamePerMinute"/>), so that many addresses
/// cannot try one account fast either;</item>
/// <item>per address and user name: after <see cref="AccountOptions.LockoutMaxFailures"/> failures in a row that pair
/// waits, 30 s and twice as long after every further failure, at most <see cref="AccountOptions.LockoutDuration"/>.
/// A success clears it.</item>
/// </list>
/// There is no lock of the account itself: a guesser elsewhere slows only themselves, never the real user at their
/// own address. Unknown names are counted exactly like known ones, so the answers tell nothing about which exist.
/// The state is per node and in memory.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    /// <summary>The rate-limiting policy (per client address) on the sign-in endpoints.</summary>
    public const string AddressPolicy = "sign-in";

    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    private const int MaxPairs = 100_000;

    private readonly TimeProvider _clock;
    private readonly AccountOptions _options;
    private readonly PartitionedRateLimiter<string> _perName;
    private readonly ConcurrentDictionary<(string Address, string Name), Failures> _pairs = new();

    public SignInThrottle(IOptions<AccountOptions> options, TimeProvider clock)
    {
        _clock = clock;
        _options = options.Value;
        var perMinute = _options.SignInsPerNamePerMinute;
        _perName = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetTokenBucketLimiter(name, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>
    /// Whether <paramref name="address"/> may try <paramref name="userName"/> now; when not, how long to wait.
    /// </summary>
    public TimeSpan? Check(IPAddress? address, string? userName)
    {
        var key = Key(address, userName);
        if (_pairs.TryGetValue(key, out var failures) && failures.WaitUntil is { } until && until > _clock.GetUtcNow())
        {
            return until - _clock.GetUtcNow();
        }

        using var lease = _perName.AttemptAcquire(key.Name);
        if (!lease.IsAcquired)
        {
            return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        }

        return null;
    }

    /// <summary>Counts a failed sign-in of the pair (a wrong password or an unknown name alike).</summary>
    public void Failed(IPAddress? address, string? userName)
    {
        var key = Key(address, userName);
        if (_pairs.Count >= MaxPairs)
        {
            Purge();
        }

        var now = _clock.GetUtcNow();
        _pairs.AddOrUpdate(
            key,
            _ => Next(new Failures(0, null, now), now),
            (_, previous) => Next(previous, now));
    }

    /// <summary>A success clears the pair's failures.</summary>
    public void Succeeded(IPAddress? address, string? userName) => _pairs.TryRemove(Key(address, userName), out _);

    public void Dispose() => _perName.Dispose();

    private Failures Next(Failures previous, DateTimeOffset now)
    {
        var count = previous.Count + 1;
        if (count < _options.LockoutMaxFailures)
        {
            return new Failures(count, null, now);
        }

        var doublings = Math.Min(count - _options.LockoutMaxFailures, 20);
        var wait = TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << doublings, _options.LockoutDuration.Ticks));
        return new Failures(count, now + wait, now);
    }

    // Pairs with nothing to wait for and no failure for a day are forgotten; failing that, the oldest half.
    private void Purge()
    {
        var now = _clock.GetUtcNow();
        foreach (var (key, failures) in _pairs)
        {
            if ((failures.WaitUntil is null || failures.WaitUntil < now) && failures.Last < now - TimeSpan.FromDays(1))
            {
                _pairs.TryRemove(key, out _);
            }
        }

        if (_pairs.Count >= MaxPairs)
        {
            foreach (var (key, _) in _pairs.OrderBy(p => p.Value.Last).Take(_pairs.Count / 2).ToList())
            {
                _pairs.TryRemove(key, out _);
            }
        }
    }

    /// <summary>The key of a client address: IPv4 as is (also when mapped into IPv6), IPv6 by its /64.</summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static (string Address, string Name) Key(IPAddress? address, string? userName) =>
        (AddressKey(address), (userName ?? string.Empty).Trim().ToUpperInvariant());

    private sealed record Failures(int Count, DateTimeOffset? WaitUntil, DateTimeOffset Last);
}
