using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Live.Connectors.Verification;
using SalesCoach.Live.Server.Tests.Infrastructure;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Tests.Connectors;

/// <summary>
/// The connectors through the real server (silo, Kestrel, SQLite): vendor webhooks built from the vendors' documented
/// payloads (tests/SalesCoach.Live.Connectors.Tests/VendorPayloads, each with its source), the vendor API faked on
/// loopback with those payloads, the durable inbox, retries, restarts and unmapped users.
/// </summary>
public sealed class ConnectorTests : IAsyncLifetime
{
    private const string HubSpotSecret = "hubspot-client-secret-for-tests";
    private const string AircallToken = "aircall-token-for-tests";
    private const string PublicUrl = "https://coach.example.com";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly List<SalesCoachApp> apps = [];
    private VendorFake hubspot = null!;
    private VendorFake pipedrive = null!;

    public async Task InitializeAsync()
    {
        hubspot = await VendorFake.StartAsync();
        hubspot.On("POST", "/crm/v3/objects/calls/batch/read", Batch(Payload("HubSpot", "call-completed.json")));
        hubspot.On("POST", "/crm/v3/objects/meetings/batch/read", Payload("HubSpot", "batch-read-meetings.json"));
        var deals = JsonNode.Parse(Payload("HubSpot", "search-deals.json"))!["results"]!.AsArray();
        hubspot.On("POST", "/crm/v3/objects/deals/batch/read", new JsonObject { ["status"] = "COMPLETE", ["results"] = deals.DeepClone() }.ToJsonString());
        hubspot.On("GET", "/crm/v3/owners", Payload("HubSpot", "owners.json"));
        foreach (var type in new[] { "calls", "meetings", "deals" })
        {
            hubspot.On("POST", $"/crm/v3/objects/{type}/search", """{"total":0,"results":[]}""");
        }

        pipedrive = await VendorFake.StartAsync();
        pipedrive.On("GET", "/v1/users", Payload("Pipedrive", "users.json"));
        pipedrive.On("GET", "/api/v2/activities", """{"success":true,"data":[],"additional_data":{"next_cursor":null}}""");
        pipedrive.On("GET", "/api/v2/deals", """{"success":true,"data":[],"additional_data":{"next_cursor":null}}""");
    }

    public async Task DisposeAsync()
    {
        foreach (var app in apps)
        {
            app.Dispose();
        }

        await hubspot.DisposeAsync();
        await pipedrive.DisposeAsync();
    }

    [Fact]
    public async Task Each_vendor_refuses_a_webhook_it_cannot_verify_with_401_problem_json_and_no_secret()
    {
        var app = Start(Settings());
        using var client = app.Client(null);
        var body = Payload("HubSpot", "webhook-calls-meetings-deals.json");
        var now = DateTimeOffset.UtcNow;

        var badSignature = await PostHubSpotAsync(client, body, now, secret: "not-the-secret");
        var stale = await PostHubSpotAsync(client, body, now.AddMinutes(-6));
        var aircall = await client.PostAsync("/api/connectors/aircall/webhook", Json(Payload("Aircall", "call-ended-answered.json")));
        var pipedrive = await PostPipedriveAsync(client, Payload("Pipedrive", "webhook-v2-deal-won.json"), "hooks", "wrong-password");

        foreach (var response in new[] { badSignature, stale, aircall, pipedrive })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(HubSpotSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(AircallToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain("pipedrive-password", text, StringComparison.Ordinal);
        }

        Assert.Contains("more than 5 minutes", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(hubspot.Requests, r => r.EndsWith("/batch/read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HubSpot_notifications_count_each_kind_once_through_the_vendor_API_and_a_deletion_of_a_record_never_counted_is_harmless()
    {
        var app = Start(Settings());
        using var client = app.Client(null);
        var body = Payload("HubSpot", "webhook-calls-meetings-deals.json");

        var first = await PostHubSpotAsync(client, body, DateTimeOffset.UtcNow);
        var again = await PostHubSpotAsync(client, body, DateTimeOffset.UtcNow);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False((await first.Content.ReadFromJsonAsync<JsonObject>())!["duplicate"]!.GetValue<bool>());
        Assert.True((await again.Content.ReadFromJsonAsync<JsonObject>())!["duplicate"]!.GetValue<bool>());
        var call = await WaitForActivityAsync(app, "hubspot:call:512");
        var meeting = await WaitForActivityAsync(app, "hubspot:meetingbooked:513");
        var deal = await WaitForActivityAsync(app, "hubspot:dealwon:514");
        Assert.Equal(("anna", "call", DateTimeOffset.Parse("2025-12-05T09:14:00Z", CultureInfo.InvariantCulture)), (call.RepId, call.Type, call.OccurredAt.ToUniversalTime()));
        Assert.Equal(("anna", "meeting"), (meeting.RepId, meeting.Type));
        Assert.Equal(("anna", "deal", 12500.50m), (deal.RepId, deal.Type, deal.Value));
        // 515 was deleted and never counted: the void finds nothing and records nothing.
        Assert.Null(await Log(app).FindAsync("void:hubspot:call:515"));
        // The processor logs its run just after the ingest it made: wait for the inbox to empty and the log to catch up.
        await WaitUntilAsync(async () => await StatusAsync(app, "HubSpot") is var s && s["pending"]!.GetValue<long>() == 0 && s["counted24h"]!.GetValue<long>() >= 3);
        var status = await StatusAsync(app, "HubSpot");
        Assert.Equal(3, status["counted24h"]!.GetValue<long>());
        Assert.Equal(0, status["errors24h"]!.GetValue<long>());
        Assert.NotNull(status["lastEventAt"]);
        Assert.Equal(1, hubspot.Requests.Count(r => r == "POST /crm/v3/objects/calls/batch/read"));
    }

    [Fact]
    public async Task Aircall_counts_an_answered_call_once_not_a_missed_one_and_a_deleted_HubSpot_call_voids()
    {
        var app = Start(Settings());
        using var client = app.Client(null);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/connectors/aircall/webhook", Json(WithToken(Payload("Aircall", "call-ended-missed.json"))))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/connectors/aircall/webhook", Json(WithToken(Payload("Aircall", "call-ended-answered.json"))))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/connectors/aircall/webhook", Json(WithToken(Payload("Aircall", "call-ended-answered.json"))))).StatusCode);

        var counted = await WaitForActivityAsync(app, "aircall:call:812");
        Assert.Equal("anna", counted.RepId);
        Assert.Null(await Log(app).FindAsync("aircall:call:813"));
        await WaitUntilAsync(async () => await StatusAsync(app, "Aircall") is var s && s["pending"]!.GetValue<long>() == 0 && s["counted24h"]!.GetValue<long>() >= 1);
        Assert.Equal(1, (await StatusAsync(app, "Aircall"))["counted24h"]!.GetValue<long>());

        // HubSpot: the call counts, then HubSpot says it was deleted: the activity is voided.
        await PostHubSpotAsync(client, Payload("HubSpot", "webhook-calls-meetings-deals.json"), DateTimeOffset.UtcNow);
        await WaitForActivityAsync(app, "hubspot:call:512");
        var deletion = new JsonArray(new JsonObject
        {
            ["eventId"] = 200, ["subscriptionId"] = 234570, ["portalId"] = 12345678, ["occurredAt"] = 1764899999000,
            ["subscriptionType"] = "object.deletion", ["objectId"] = 512, ["objectTypeId"] = "0-48", ["changeFlag"] = "DELETED",
        }).ToJsonString();
        Assert.Equal(HttpStatusCode.OK, (await PostHubSpotAsync(client, deletion, DateTimeOffset.UtcNow)).StatusCode);
        var voided = await WaitForActivityAsync(app, "void:hubspot:call:512");
        Assert.Equal(-1, voided.Quantity);
    }

    [Fact]
    public async Task The_vendor_API_failing_for_a_while_with_5xx_and_429_Retry_After_loses_nothing()
    {
        hubspot.Fail(503);
        var app = Start(Settings());
        using var client = app.Client(null);

        Assert.Equal(HttpStatusCode.OK, (await PostHubSpotAsync(client, Payload("HubSpot", "webhook-calls-meetings-deals.json"), DateTimeOffset.UtcNow)).StatusCode);
        await WaitUntilAsync(async () => (await StatusAsync(app, "HubSpot"))["errors24h"]!.GetValue<long>() >= 1);
        var failing = await StatusAsync(app, "HubSpot");
        Assert.Contains("503", failing["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, failing["pending"]!.GetValue<long>());
        // Failing for longer than Connectors:FailingAfterMinutes (15 by default; 1 s here): degraded, still 200.
        await WaitUntilAsync(async () => (await HealthAsync(app)) is (HttpStatusCode.OK, "degraded"), "/healthz degraded");

        hubspot.Fail(429, retryAfterSeconds: "1");
        var before = hubspot.Requests.Count;
        await WaitUntilAsync(() => Task.FromResult(hubspot.Requests.Count > before));
        Assert.Null(await Log(app).FindAsync("hubspot:call:512"));

        hubspot.Fail(0);
        await WaitForActivityAsync(app, "hubspot:call:512");
        await WaitForActivityAsync(app, "hubspot:dealwon:514");
        await WaitUntilAsync(async () => (await StatusAsync(app, "HubSpot"))["pending"]!.GetValue<long>() == 0);
        Assert.Equal(3, (await StatusAsync(app, "HubSpot"))["counted24h"]!.GetValue<long>());
        await WaitUntilAsync(async () => (await HealthAsync(app)) is (HttpStatusCode.OK, "ok"), "/healthz ok again");
    }

    private static async Task<(HttpStatusCode, string?)> HealthAsync(SalesCoachApp app)
    {
        using var client = app.Client(null);
        using var response = await client.GetAsync("/healthz");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_processing_picks_the_notification_up_again()
    {
        var settings = Settings();
        settings["Connectors:LeaseSeconds"] = "3";
        var first = Start(settings);
        await WaitUntilAsync(async () => (await StatusAsync(first, "HubSpot"))["lastSyncAt"] is not null, "the first sync");
        hubspot.Hang();
        using (var client = first.Client(null))
        {
            Assert.Equal(HttpStatusCode.OK, (await PostHubSpotAsync(client, Payload("HubSpot", "webhook-calls-meetings-deals.json"), DateTimeOffset.UtcNow)).StatusCode);
        }

        await WaitUntilAsync(() => Task.FromResult(hubspot.Requests.Any(r => r.EndsWith("/batch/read", StringComparison.Ordinal))), "the processor fetching");
        first.Dispose();
        apps.Remove(first);
        hubspot.Release();

        var second = Start(settings, first.DataDirectory);
        await WaitForActivityAsync(second, "hubspot:call:512");
        await WaitForActivityAsync(second, "hubspot:dealwon:514");
    }

    [Fact]
    public async Task An_unknown_owner_is_listed_with_its_waiting_records_and_counted_once_mapped()
    {
        var settings = Settings();
        settings.Remove("Connectors:Aircall:RepAliases:456");
        var first = Start(settings);
        using (var client = first.Client(null))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/connectors/aircall/webhook", Json(WithToken(Payload("Aircall", "call-ended-answered.json"))))).StatusCode);
        }

        await WaitUntilAsync(async () => (await StatusAsync(first, "Aircall"))["unmappedUsers"]!.AsArray().Count == 1);
        var user = (await StatusAsync(first, "Aircall"))["unmappedUsers"]![0]!;
        Assert.Equal("456", user["vendorUserId"]!.GetValue<string>());
        Assert.Equal("anna.berg@example.com", user["email"]!.GetValue<string>());
        Assert.Equal(1, user["waiting"]!.GetValue<int>());
        Assert.Null(await Log(first).FindAsync("aircall:call:812"));
        first.Dispose();
        apps.Remove(first);

        // The admin maps the user (an alias by e-mail here) and restarts: the waiting record counts, once.
        settings["Connectors:Aircall:RepAliases:anna.berg@example.com"] = "anna";
        var second = Start(settings, first.DataDirectory);
        Assert.Equal("anna", (await WaitForActivityAsync(second, "aircall:call:812")).RepId);
        await WaitUntilAsync(async () => (await StatusAsync(second, "Aircall"))["unmappedUsers"]!.AsArray().Count == 0);
        using var admin = second.Client(SalesCoachApp.AdminKey);
        var sync = await admin.PostAsync("/api/connectors/aircall/sync", null);
        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        Assert.Equal(0, (await sync.Content.ReadFromJsonAsync<JsonObject>())!["counted"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_status_lists_every_connector_without_secrets()
    {
        var app = Start(Settings());
        using var admin = app.Client(SalesCoachApp.AdminKey);

        var text = await admin.GetStringAsync("/api/connectors");

        var list = JsonNode.Parse(text)!.AsArray();
        Assert.Equal(["HubSpot", "Salesforce", "Pipedrive", "Aircall"], list.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal([true, false, true, true], list.Select(c => c!["enabled"]!.GetValue<bool>()));
        foreach (var secret in new[] { HubSpotSecret, AircallToken, "pipedrive-password", "hubspot-token" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/connectors/nosuch/sync", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("/api/connectors/salesforce/sync", null)).StatusCode);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Connectors:ProcessIntervalMs"] = "100",
        ["Connectors:RetryBaseSeconds"] = "0.3",
        ["Connectors:RetryMaxSeconds"] = "2",
        ["Connectors:HttpRetries"] = "1",
        ["Connectors:HttpRetryDelayMs"] = "50",
        ["Connectors:FailingAfterMinutes"] = "0.0167",
        ["Connectors:HubSpot:Enabled"] = "true",
        ["Connectors:HubSpot:BaseUrl"] = hubspot.BaseUrl,
        ["Connectors:HubSpot:AccessToken"] = "hubspot-token",
        ["Connectors:HubSpot:ClientSecret"] = HubSpotSecret,
        ["Connectors:HubSpot:PublicUrl"] = PublicUrl,
        ["Connectors:HubSpot:PollSeconds"] = "86400",
        ["Connectors:HubSpot:BackfillFrom"] = "2025-12-01T00:00:00Z",
        ["Connectors:HubSpot:RepAliases:41629779"] = "anna",
        ["Connectors:Aircall:Enabled"] = "true",
        ["Connectors:Aircall:Token"] = AircallToken,
        ["Connectors:Aircall:RepAliases:456"] = "anna",
        ["Connectors:Pipedrive:Enabled"] = "true",
        ["Connectors:Pipedrive:BaseUrl"] = pipedrive.BaseUrl,
        ["Connectors:Pipedrive:WebhookUser"] = "hooks",
        ["Connectors:Pipedrive:WebhookPassword"] = "pipedrive-password",
    };

    private SalesCoachApp Start(Dictionary<string, string?> settings, string? dataDirectory = null)
    {
        var app = new SalesCoachApp(dataDirectory, settings);
        apps.Add(app);
        return app;
    }

    private static IActivityLog Log(SalesCoachApp app) => app.Services.GetRequiredService<IActivityLog>();

    private static async Task<LoggedActivity> WaitForActivityAsync(SalesCoachApp app, string id)
    {
        LoggedActivity? found = null;
        await WaitUntilAsync(async () => (found = await Log(app).FindAsync(id)) is not null, $"activity {id}");
        return found!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string? what = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {Patience.TotalSeconds} s for {what ?? "the condition"}.");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<JsonObject> StatusAsync(SalesCoachApp app, string name)
    {
        using var admin = app.Client(SalesCoachApp.AdminKey);
        var list = (await admin.GetFromJsonAsync<JsonArray>("/api/connectors"))!;
        return list.Single(c => c!["name"]!.GetValue<string>() == name)!.AsObject();
    }

    private static Task<HttpResponseMessage> PostHubSpotAsync(HttpClient client, string body, DateTimeOffset at, string secret = HubSpotSecret)
    {
        const string path = "/api/connectors/hubspot/webhook";
        var timestamp = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp);
        request.Headers.Add("X-HubSpot-Signature-v3", HubSpotSignature.Compute(secret, "POST", PublicUrl + path, Encoding.UTF8.GetBytes(body), timestamp));
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostPipedriveAsync(HttpClient client, string body, string user, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/connectors/pipedrive/webhook") { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client.SendAsync(request);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string WithToken(string aircallBody)
    {
        var node = JsonNode.Parse(aircallBody)!.AsObject();
        node["token"] = AircallToken;
        return node.ToJsonString();
    }

    private static string Batch(string record) =>
        new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray(JsonNode.Parse(record)) }.ToJsonString();

    private static string Payload(string vendor, string file) =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "SalesCoach.Live.Connectors.Tests", "VendorPayloads", vendor, file));
}
