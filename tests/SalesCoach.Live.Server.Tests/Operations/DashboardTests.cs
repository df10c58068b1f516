using System.Net;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Operations;

/// <summary>The Orleans dashboard at /dashboard: admins only (by key or signed in), and off by configuration.</summary>
public sealed class DashboardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_admin_key_gets_the_dashboard_page_and_its_cluster_data()
    {
        using var admin = fixture.App.Client(SalesCoachApp.AdminKey);

        var page = await admin.GetAsync("/dashboard");
        var text = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Orleans", text, StringComparison.OrdinalIgnoreCase);

        // The figures the page polls: the silos of this one-node cluster.
        var counters = await admin.GetAsync("/dashboard/DashboardCounters");
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Equal(1, (await Json.ReadAsync(counters)).GetProperty("totalActiveHostCount").GetInt32());
    }

    [Fact]
    public async Task A_signed_in_admin_gets_it_in_the_browser_and_a_signed_in_manager_does_not()
    {
        await People.CreateAsync(fixture.App, "dash-admin", "admin");
        await People.CreateAsync(fixture.App, "dash-manager", "manager", teams: ["alpha"]);
        var (admin, _) = await People.SignInAsync(fixture.App, "dash-admin");
        var (manager, _) = await People.SignInAsync(fixture.App, "dash-manager");
        using (admin)
        using (manager)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/dashboard/DashboardCounters")).StatusCode);
            var refused = await manager.GetAsync("/dashboard/DashboardCounters");
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.DoesNotContain("totalActiveHostCount", await refused.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task An_anonymous_browser_is_sent_to_the_sign_in_page()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseAddress };

        foreach (var path in new[] { "/dashboard", "/dashboard/DashboardCounters", "/dashboard/Trace" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [InlineData(SalesCoachApp.ReadKey)]
    [InlineData(SalesCoachApp.IngestKey)]
    public async Task A_key_without_the_admin_scope_is_refused(string key)
    {
        using var client = fixture.App.Client(key);

        var page = await client.GetAsync("/dashboard");
        var counters = await client.GetAsync("/dashboard/DashboardCounters");
        var trace = await client.GetAsync("/dashboard/Trace");

        Assert.All(new[] { page, counters, trace }, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden }));
    }

    [Fact]
    public async Task The_dashboard_can_be_turned_off()
    {
        using var app = new SalesCoachApp(settings: new Dictionary<string, string?> { ["Operations:Dashboard:Enabled"] = "false" });
        using var admin = app.Client(SalesCoachApp.AdminKey);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/dashboard")).StatusCode);
    }
}
