using System.Security.Claims;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>The answer to a sign-in: a principal, or why not (the same words for an unknown name and a wrong password).</summary>
public sealed record SignInOutcome(ClaimsPrincipal? Principal, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => Principal is not null;

    public bool LockedOut => LockedUntil is not null;

    /// <summary>What to tell the person: never which of name or password was wrong.</summary>
    public string Message => Succeeded ? "Signed in."
        : LockedOut ? "Too many failed sign-ins: this account is locked for a while. Try again later or ask an admin."
        : "The user name or password is not right.";
}
