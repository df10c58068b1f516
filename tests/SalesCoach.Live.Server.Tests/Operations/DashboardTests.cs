using System.Net;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Operations;

/// <summary>The Orleans dashboard at /dashboard: admins only, and off by configuration.</summary>
public sealed class DashboardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_admin_gets_the_dashboard_page_and_its_cluster_data()
    {
        using var admin = fixture.App.Client(SalesCoachApp.AdminKey);

        var page = await admin.GetAsync("/dashboard");
        var text = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Orleans", text, StringComparison.OrdinalIgnoreCase);

        // The figures the page polls: the silos of this one-node cluster, and grain types the product runs.
        var counters = await admin.GetAsync("/dashboard/DashboardCounters");
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        var json = await Json.ReadAsync(counters);
        Assert.Equal(1, json.GetProperty("totalActiveHostCount").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(SalesCoachApp.ReadKey)]
    [InlineData(SalesCoachApp.IngestKey)]
    public async Task Anyone_but_an_admin_is_refused(string? key)
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
