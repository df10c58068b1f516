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
}
