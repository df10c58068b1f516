using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Operations;

/// <summary><c>/metrics</c>: the product's instruments, ASP.NET Core's and Orleans', in Prometheus text; open on loopback, else admin only.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task After_some_ingest_the_scrape_shows_every_named_instrument()
    {
        using var app = new SalesCoachApp();
        await using var hub = app.Hub();
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeTeam", "live");
        var now = DateTimeOffset.UtcNow;
        var first = TestActivity.Of("lena", "call", now.AddSeconds(-5));

        Assert.Equal(HttpStatusCode.Accepted, (await app.PostAsync(new[] { first, TestActivity.Of("leo", "call", now.AddSeconds(-4)) })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostAsync(first)).StatusCode); // a duplicate
        Assert.Equal(HttpStatusCode.BadRequest, (await app.PostAsync(TestActivity.Of("zed", "call", now))).StatusCode); // rejected

        var text = await ScrapeUntilAsync(app, "salescoach_post_to_delta_latency_seconds_count", "http_server_request_duration_seconds_bucket");

        Assert.Matches(@"(?m)^salescoach_ingest_activities_total(\{[^}]*\})? [1-9]", text);
        Assert.Matches(@"(?m)^salescoach_ingest_duplicates_total(\{[^}]*\})? [1-9]", text);
        Assert.Matches(@"(?m)^salescoach_ingest_rejected_total\{[^}]*reason=""invalid""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^salescoach_ingest_batch_duration_seconds_bucket\{", text);
        Assert.Matches(@"(?m)^salescoach_hub_connections(\{[^}]*\})? [1-9]", text);
        Assert.Matches(@"(?m)^salescoach_post_to_delta_latency_seconds_count(\{[^}]*\})? [1-9]", text);
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE salescoach_ingest_activities_total counter", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_events_are_counted_by_source_and_outcome()
    {
        using var app = new SalesCoachApp(settings: Integrations.WebhookSettings.Aliases());
        await Integrations.WebhookSettings.PostAsync(app, "dialer", Integrations.WebhookSettings.Sample("dialer-batch.json"));

        var text = await ScrapeUntilAsync(app, "salescoach_webhooks_events_total");

        // Counters are process-wide, and other tests' servers in this process post to the dialer too: at least these.
        var lines = text.Split('\n').Where(l => l.StartsWith("salescoach_webhooks_events_total{", StringComparison.Ordinal) && l.Contains("source=\"dialer\"", StringComparison.Ordinal)).ToList();
        Assert.True(Count(lines, "dead_lettered") >= 1, string.Join("\n", lines));
        Assert.True(Count(lines, "filtered") >= 1, string.Join("\n", lines));
        Assert.True(Count(lines, "processed") >= 2, string.Join("\n", lines));
    }

    [Fact]
    public async Task Away_from_loopback_only_an_admin_key_may_scrape()
    {
        // Metrics:AllowLoopback=false makes this loopback client count as a remote one.
        using var app = new SalesCoachApp(settings: new Dictionary<string, string?> { ["Metrics:AllowLoopback"] = "false" });

        var anonymous = await app.Client(null).GetAsync("/metrics");
        var reader = await app.Client(SalesCoachApp.ReadKey).GetAsync("/metrics");
        var admin = await app.Client(SalesCoachApp.AdminKey).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, reader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task A_request_forwarded_by_a_proxy_is_not_taken_for_a_local_one()
    {
        using var app = new SalesCoachApp();
        using var client = app.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
    }

    private static double Count(List<string> lines, string outcome) =>
        lines.Where(l => l.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Scrapes until the text holds all of <paramref name="expected"/>: a delta arrives within 250 ms, and ASP.NET Core
    /// records a request's duration only after the response went out (allow for a slow machine).
    /// </summary>
    private static async Task<string> ScrapeUntilAsync(SalesCoachApp app, params string[] expected)
    {
        using var client = app.Client(null);
        // Generous: it returns as soon as every name shows; a loaded CI machine once needed more than 20 s.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            if (expected.All(e => text.Contains(e, StringComparison.Ordinal)) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(200);
        }
    }
}
