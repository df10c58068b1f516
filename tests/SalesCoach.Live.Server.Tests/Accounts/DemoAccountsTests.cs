using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Accounts;

/// <summary>Demo mode seeds one account per role, all with the demo password.</summary>
public sealed class DemoAccountsTests
{
    [Fact]
    public async Task Demo_mode_seeds_an_admin_a_manager_of_the_first_team_and_a_rep()
    {
        const string password = "demo-password-for-tests";
        using var app = new SalesCoachApp(settings: new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Backfill"] = "false",
            ["Demo:AccountPassword"] = password,
        });

        var (admin, _) = await People.SignInAsync(app, "admin", password);
        var (manager, _) = await People.SignInAsync(app, "manager", password);
        var (rep, _) = await People.SignInAsync(app, "rep", password);

        var adminMe = await Json.ReadAsync(await admin.GetAsync("/api/account/me"));
        var managerMe = await Json.ReadAsync(await manager.GetAsync("/api/account/me"));
        var repMe = await Json.ReadAsync(await rep.GetAsync("/api/account/me"));
        Assert.Equal("admin", adminMe.GetProperty("role").GetString());
        Assert.Equal(["alpha", "live", "other"], adminMe.GetProperty("coaches").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal(["alpha"], managerMe.GetProperty("coaches").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal("anna", repMe.GetProperty("repId").GetString());
        Assert.Empty(repMe.GetProperty("coaches").EnumerateArray());
    }
}
