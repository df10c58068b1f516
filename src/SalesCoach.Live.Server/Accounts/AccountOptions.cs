namespace SalesCoach.Live.Server.Accounts;

/// <summary>Sign-in settings (configuration section <c>Accounts</c>).</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// Failed sign-ins in a row from one client address for one user name after which that pair must wait
    /// (<c>Accounts:Lockout:MaxFailures</c>, default 5): 30 s, doubling with every further failure.
    /// </summary>
    public int LockoutMaxFailures { get; set; } = 5;

    /// <summary>The longest wait of an address and user name pair (<c>Accounts:Lockout:Minutes</c>, default 15).</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts per minute for one user name from all addresses together (<c>Accounts:SignIn:PerNamePerMinute</c>, default 30).</summary>
    public int SignInsPerNamePerMinute { get; set; } = 30;

    /// <summary>Sign-in attempts per minute from one client address (<c>Accounts:SignIn:PerAddressPerMinute</c>, default 60).</summary>
    public int SignInsPerAddressPerMinute { get; set; } = 60;

    /// <summary>How long a sign-in lasts without activity (<c>Accounts:SessionHours</c>, default 12: a working day).</summary>
    public TimeSpan Session { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often a cookie is checked against the stored account (<c>Accounts:RevalidateSeconds</c>, default 30).</summary>
    public TimeSpan RevalidateEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Shortest password accepted (<c>Accounts:MinPasswordLength</c>, default 10).</summary>
    public int MinPasswordLength { get; set; } = 10;
}
