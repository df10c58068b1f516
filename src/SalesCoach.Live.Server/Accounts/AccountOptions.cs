namespace SalesCoach.Live.Server.Accounts;

/// <summary>Sign-in settings (configuration section <c>Accounts</c>).</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Failed sign-ins in a row that lock an account (<c>Accounts:Lockout:MaxFailures</c>, default 5).</summary>
    public int LockoutMaxFailures { get; set; } = 5;

    /// <summary>How long a locked account stays locked (<c>Accounts:Lockout:Minutes</c>, default 15).</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without activity (<c>Accounts:SessionHours</c>, default 12: a working day).</summary>
    public TimeSpan Session { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often a cookie is checked against the stored account (<c>Accounts:RevalidateSeconds</c>, default 30).</summary>
    public TimeSpan RevalidateEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Shortest password accepted (<c>Accounts:MinPasswordLength</c>, default 10).</summary>
    public int MinPasswordLength { get; set; } = 10;
}
