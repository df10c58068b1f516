using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Accounts;

namespace SalesCoach.Live.Server.Demo;

/// <summary>
/// Demo mode's sign-in accounts, one per role: <c>admin</c>, <c>manager</c> (of the first team only, so the demo
/// also shows what a manager may not see) and <c>rep</c> (the first team's first rep). They are created, or reset to
/// the demo password, at every start; the password is printed at start-up.
/// </summary>
public sealed class DemoAccounts(AccountAdmin admin, Organization org, DemoAccounts.Password password, ILogger<DemoAccounts> logger) : IHostedService
{
    public const string AdminName = "admin";
    public const string ManagerName = "manager";
    public const string RepName = "rep";

    /// <summary>The demo accounts' password.</summary>
    public sealed record Password(string Value);

    /// <summary>The accounts to seed, for the org at hand.</summary>
    public static IReadOnlyList<AccountRequest> For(Organization org, string password)
    {
        var team = org.Teams[0];
        var rep = team.Reps[0];
        return
        [
            new(AdminName, "Demo Admin", AccountRoles.Admin, [], null, "admin@demo.salescoach.live", password),
            new(ManagerName, $"Demo Manager ({team.Name})", AccountRoles.Manager, [team.Id], null, "manager@demo.salescoach.live", password),
            new(RepName, rep.Name, AccountRoles.Rep, [], rep.Id, "rep@demo.salescoach.live", password),
        ];
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var account in For(org, password.Value))
        {
            await admin.EnsureAsync(account, "demo");
        }

        logger.LogInformation("Demo accounts ready: {Accounts}", string.Join(", ", For(org, "").Select(a => $"{a.UserName} ({a.Role})")));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
