namespace SalesCoach.Live.Server.Security;

/// <summary>The scopes an API key can hold (contract section 1). <c>admin</c> includes the others.</summary>
public static class ApiKeyScopes
{
    public const string Ingest = "ingest";
    public const string Read = "read";
    public const string Admin = "admin";

    /// <summary>The claim type that carries a scope.</summary>
    public const string ClaimType = "scope";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Ingest, Read, Admin };

    /// <summary>
    /// The scopes a key holding <paramref name="scopes"/> is granted: those, and every scope when one is
    /// <see cref="Admin"/>. Worked out once where a key is loaded, not on every request.
    /// </summary>
    public static IReadOnlySet<string> Granted(IEnumerable<string> scopes)
    {
        var granted = new HashSet<string>(scopes, StringComparer.Ordinal);
        if (granted.Contains(Admin))
        {
            granted.UnionWith(All);
        }

        return granted;
    }
}
