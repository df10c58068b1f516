namespace SalesCoach.Live.Server.Accounts;

/// <summary>The roles of a signed-in person: <c>admin</c> (everything), <c>manager</c> (their teams), <c>rep</c> (themselves).</summary>
public static class AccountRoles
{
    public const string Admin = "admin";
    public const string Manager = "manager";
    public const string Rep = "rep";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Admin, Manager, Rep };
}
