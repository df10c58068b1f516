using System.Security.Claims;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>
/// The answer to a sign-in: a principal, or why not: throttled (wait <see cref="RetryAfter"/>), or refused, with the
/// same words for an unknown name and a wrong password.
/// </summary>
public sealed record SignInOutcome(ClaimsPrincipal? Principal, TimeSpan? RetryAfter)
{
    /// <summary>Refused: unknown name or wrong password, never saying which.</summary>
    public static readonly SignInOutcome Refused = new(null, null);

    public bool Succeeded => Principal is not null;

    /// <summary>Too many attempts: nothing was checked; try again after <see cref="RetryAfter"/>.</summary>
    public bool IsThrottled => RetryAfter is not null;

    /// <summary>Whole seconds to wait, for <c>Retry-After</c> (at least 1).</summary>
    public int RetryAfterSeconds => RetryAfter is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 0;

    /// <summary>Throttled for <paramref name="wait"/>.</summary>
    public static SignInOutcome Throttled(TimeSpan wait) => new(null, wait);

    /// <summary>What to tell the person: never which of name or password was wrong.</summary>
    public string Message => Succeeded ? "Signed in."
        : IsThrottled ? $"Too many sign-in attempts: try again in {RetryAfterSeconds} s."
        : "The user name or password is not right.";
}
