using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Live.Connectors.Http;
using SalesCoach.Live.Connectors.HubSpot;
using SalesCoach.Live.Connectors.Salesforce;

namespace SalesCoach.Live.Connectors.Tests.Http;

/// <summary>The typed vendor clients against fakes on loopback that answer with the saved documented responses,
/// including 5xx and 429-with-Retry-After sequences.</summary>
public sealed class VendorClientTests : IAsyncLifetime
{
    private FakeVendor _fake = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeVendor.StartAsync();
        var services = new ServiceCollection();
        services.Configure<HubSpotOptions>(o => (o.BaseUrl, o.AccessToken) = (_fake.BaseUrl, "pat-test"));
        services.Configure<PipedriveOptions>(o => (o.BaseUrl, o.ApiToken) = (_fake.BaseUrl, "pd-token"));
        services.Configure<SalesforceOptions>(o =>
        {
            o.LoginUrl = _fake.BaseUrl;
            o.BaseUrl = _fake.BaseUrl; // the saved token's instance_url is the documented placeholder host
            o.ClientId = "client-id";
            o.ClientSecret = "client-secret";
            o.ApiVersion = "62.0";
        });
        services.AddConnectorHttpClients(o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(20);
            o.Retry.UseJitter = false;
        });
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private HubSpotClient HubSpot => _services.GetRequiredService<HubSpotClient>();

    private static readonly Dictionary<string, string> RetryAfterOneSecond = new() { ["Retry-After"] = "1" };

    [Fact]
    public async Task HubSpot_reads_a_call_with_the_bearer_token_and_the_properties_it_maps()
    {
        _fake.On("GET", "/crm/v3/objects/calls/512", Reply.Json("HubSpot", "call-completed.json"));

        var call = await HubSpot.GetAsync(HubSpotObjectType.Call, "512");

        Assert.Equal(("512", "COMPLETED"), (call!.Id, call.Property("hs_call_status")));
        var request = Assert.Single(_fake.To("GET", "/crm/v3/objects/calls/512"));
        Assert.Equal("Bearer pat-test", request.Headers["Authorization"]);
        Assert.Contains("hs_call_status", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HubSpot_404_is_no_record_and_is_not_retried()
    {
        var call = await HubSpot.GetAsync(HubSpotObjectType.Call, "404");
        Assert.Null(call);
        Assert.Single(_fake.To("GET", "/crm/v3/objects/calls/404"));
    }

    [Fact]
    public async Task HubSpot_batch_read_posts_ids_and_properties()
    {
        _fake.On("POST", "/crm/v3/objects/meetings/batch/read", Reply.Json("HubSpot", "batch-read-meetings.json"));

        var meetings = await HubSpot.BatchReadAsync(HubSpotObjectType.Meeting, ["513", "516", "513"]);

        Assert.Equal(["513", "516"], meetings.Select(m => m.Id));
        using var body = JsonDocument.Parse(Assert.Single(_fake.To("POST", "/crm/v3/objects/meetings/batch/read")).Body);
        Assert.Equal(["513", "516"], body.RootElement.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Contains("hs_meeting_outcome", body.RootElement.GetProperty("properties").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task HubSpot_batch_read_splits_into_batches_of_100()
    {
        _fake.On("POST", "/crm/v3/objects/deals/batch/read", Reply.Text(200, """{"status":"COMPLETE","results":[]}"""));

        await HubSpot.BatchReadAsync(HubSpotObjectType.Deal, Enumerable.Range(1, 250).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(3, _fake.To("POST", "/crm/v3/objects/deals/batch/read").Count);
    }

    [Fact]
    public async Task HubSpot_5xx_twice_then_the_answer_loses_nothing()
    {
        _fake.On("GET", "/crm/v3/objects/calls/512",
            Reply.Text(502, """{"status":"error","message":"Bad gateway"}"""),
            Reply.Text(503, """{"status":"error","message":"Unavailable"}"""),
            Reply.Json("HubSpot", "call-completed.json"));

        var call = await HubSpot.GetAsync(HubSpotObjectType.Call, "512");

        Assert.Equal("512", call!.Id);
        Assert.Equal(3, _fake.To("GET", "/crm/v3/objects/calls/512").Count);
    }

    [Fact]
    public async Task HubSpot_429_with_Retry_After_waits_that_long_then_succeeds()
    {
        _fake.On("POST", "/crm/v3/objects/deals/search",
            Reply.Json("HubSpot", "error-429.json", 429) with { Headers = RetryAfterOneSecond },
            Reply.Json("HubSpot", "search-deals.json"));

        var page = await HubSpot.SearchAsync(HubSpotObjectType.Deal, HubSpotMapper.SyncSearch(HubSpotObjectType.Deal, DateTimeOffset.UnixEpoch));

        Assert.Equal("514", Assert.Single(page.Results).Id);
        var requests = _fake.To("POST", "/crm/v3/objects/deals/search");
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task HubSpot_429_that_never_ends_is_a_rate_limit_error_with_Retry_After()
    {
        _fake.On("GET", "/crm/v3/owners", Reply.Json("HubSpot", "error-429.json", 429) with { Headers = new() { ["Retry-After"] = "0" } });

        var e = await Assert.ThrowsAsync<VendorRateLimitedException>(() => HubSpot.GetOwnersAsync());

        Assert.Equal((HttpStatusCode.TooManyRequests, TimeSpan.Zero), (e.Status, e.RetryAfter!.Value));
        Assert.DoesNotContain("pat-test", e.Message, StringComparison.Ordinal);
        Assert.Equal(4, _fake.To("GET", "/crm/v3/owners").Count); // the first try and 3 retries (the standard handler's default)
    }

    [Fact]
    public async Task HubSpot_owners_follow_paging()
    {
        _fake.On("GET", "/crm/v3/owners",
            Reply.Text(200, """{"results":[{"id":"1","email":"a@example.com"}],"paging":{"next":{"after":"NTI1Cg%3D%3D","link":"?after=NTI1Cg%3D%3D"}}}"""),
            Reply.Json("HubSpot", "owners.json"));

        var owners = await HubSpot.GetOwnersAsync();

        Assert.Equal(["1", "41629779", "41629780"], owners.Select(o => o.Id));
        Assert.Contains("after=NTI1Cg%253D%253D", _fake.To("GET", "/crm/v3/owners")[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipedrive_users_with_the_api_token_header_after_a_500()
    {
        _fake.On("GET", "/v1/users", Reply.Text(500, """{"success":false,"error":"Internal"}"""), Reply.Json("Pipedrive", "users.json"));

        var users = await _services.GetRequiredService<PipedriveClient>().GetUsersAsync();

        Assert.Equal(["anna.berg@example.com", "ben.ortiz@example.com"], users.Select(u => u.Email));
        Assert.All(_fake.To("GET", "/v1/users"), r => Assert.Equal("pd-token", r.Headers["x-api-token"]));
        Assert.Equal(2, _fake.To("GET", "/v1/users").Count);
    }

    [Fact]
    public async Task HubSpot_sync_search_follows_pages_oldest_first()
    {
        _fake.On("POST", "/crm/v3/objects/deals/search",
            Reply.Json("HubSpot", "search-deals.json"),
            Reply.Text(200, """{"total":2,"results":[{"id":"600","properties":{"hs_is_closed_won":"false"},"archived":false}]}"""));

        var (records, more) = await HubSpot.SearchModifiedSinceAsync(HubSpotObjectType.Deal, DateTimeOffset.FromUnixTimeMilliseconds(1764926400000));

        Assert.Equal(["514", "600"], records.Select(r => r.Id));
        Assert.False(more);
        var requests = _fake.To("POST", "/crm/v3/objects/deals/search");
        using var second = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("NTI1Cg%3D%3D", second.RootElement.GetProperty("after").GetString());
        Assert.Equal("1764926400000", second.RootElement.GetProperty("filterGroups")[0].GetProperty("filters")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Pipedrive_activities_updated_since_follow_the_cursor()
    {
        _fake.On("GET", "/api/v2/activities",
            Reply.Text(200, """{"success":true,"data":[{"id":77,"type":"call","done":true,"owner_id":18487521,"update_time":"2025-12-05T09:40:00Z"}],"additional_data":{"next_cursor":"eyJpZCI6Nzd9"}}"""),
            Reply.Text(200, """{"success":true,"data":[{"id":78,"type":"meeting","done":false,"owner_id":18487521,"add_time":"2025-12-04T16:05:00Z"}],"additional_data":{"next_cursor":null}}"""));

        var activities = await _services.GetRequiredService<PipedriveClient>().ActivitiesUpdatedSinceAsync(new DateTimeOffset(2025, 12, 5, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["77", "78"], activities.Select(a => a.Id));
        var requests = _fake.To("GET", "/api/v2/activities");
        Assert.Contains("updated_since=2025-12-05T00%3A00%3A00Z", requests[0].Query, StringComparison.Ordinal);
        Assert.Contains("cursor=eyJpZCI6Nzd9", requests[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Salesforce_gets_a_token_then_follows_nextRecordsUrl()
    {
        _fake.On("POST", "/services/oauth2/token", Reply.Json("Salesforce", "token.json"));
        _fake.On("GET", "/services/data/v62.0/queryAll", Reply.Json("Salesforce", "queryall-tasks-page1.json"));
        _fake.On("GET", "/services/data/v62.0/query/01gRO0000016PIAYA2-2", Reply.Json("Salesforce", "queryall-tasks-page2.json"));
        var client = _services.GetRequiredService<SalesforceClient>();

        var since = new DateTimeOffset(2025, 12, 5, 0, 0, 0, TimeSpan.Zero);
        var rows = await client.CallsSinceAsync(since);

        Assert.Equal(3, rows.Count);
        Assert.True(rows[2].IsDeleted);
        var token = Assert.Single(_fake.To("POST", "/services/oauth2/token"));
        Assert.Contains("grant_type=client_credentials", token.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=client-id", token.Body, StringComparison.Ordinal);
        var query = Assert.Single(_fake.To("GET", "/services/data/v62.0/queryAll"));
        Assert.StartsWith("Bearer 00DB0000000TfcR!", query.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(SalesforceMapper.TaskQuery(since), Uri.UnescapeDataString(query.Query["?q=".Length..]));
    }

    [Fact]
    public async Task Salesforce_401_asks_for_a_new_token_and_retries_once()
    {
        _fake.On("POST", "/services/oauth2/token", Reply.Json("Salesforce", "token.json"));
        _fake.On("GET", "/services/data/v62.0/queryAll",
            Reply.Json("Salesforce", "query-opportunities.json"),
            Reply.Json("Salesforce", "error-invalid-session.json", 401),
            Reply.Json("Salesforce", "query-opportunities.json"));
        var client = _services.GetRequiredService<SalesforceClient>();

        await client.OpportunitiesSinceAsync(DateTimeOffset.UnixEpoch);
        var rows = await client.OpportunitiesSinceAsync(DateTimeOffset.UnixEpoch);

        Assert.Equal(2, rows.Count);
        Assert.Equal(2, client.TokensIssued);
        Assert.Equal(2, _fake.To("POST", "/services/oauth2/token").Count);
        Assert.Equal(3, _fake.To("GET", "/services/data/v62.0/queryAll").Count);
    }

    [Fact]
    public async Task Salesforce_401_twice_is_an_error_not_a_loop()
    {
        _fake.On("POST", "/services/oauth2/token", Reply.Json("Salesforce", "token.json"));
        _fake.On("GET", "/services/data/v62.0/queryAll", Reply.Json("Salesforce", "error-invalid-session.json", 401));

        var e = await Assert.ThrowsAsync<VendorApiException>(() => _services.GetRequiredService<SalesforceClient>().EventsSinceAsync(DateTimeOffset.UnixEpoch));

        Assert.Equal(("INVALID_SESSION_ID", HttpStatusCode.Unauthorized), (e.ErrorCode, e.Status));
        Assert.Equal(2, _fake.To("GET", "/services/data/v62.0/queryAll").Count);
    }

    [Fact]
    public async Task Salesforce_request_limit_is_a_rate_limit_error_the_poller_backs_off_from()
    {
        _fake.On("POST", "/services/oauth2/token", Reply.Json("Salesforce", "token.json"));
        _fake.On("GET", "/services/data/v62.0/queryAll", Reply.Json("Salesforce", "error-request-limit.json", 403));

        var e = await Assert.ThrowsAsync<VendorRateLimitedException>(() => _services.GetRequiredService<SalesforceClient>().CallsSinceAsync(DateTimeOffset.UnixEpoch));

        Assert.Equal(("REQUEST_LIMIT_EXCEEDED", HttpStatusCode.Forbidden), (e.ErrorCode, e.Status));
        Assert.Single(_fake.To("GET", "/services/data/v62.0/queryAll"));
    }

    [Fact]
    public async Task Salesforce_token_endpoint_down_for_a_while_then_back()
    {
        _fake.On("POST", "/services/oauth2/token", Reply.Text(503, "{}"), Reply.Json("Salesforce", "token.json"));
        _fake.On("GET", "/services/data/v62.0/queryAll", Reply.Json("Salesforce", "query-events.json"));

        var watch = Stopwatch.StartNew();
        var rows = await _services.GetRequiredService<SalesforceClient>().EventsSinceAsync(DateTimeOffset.UnixEpoch);

        Assert.Equal(2, rows.Count);
        Assert.Equal(2, _fake.To("POST", "/services/oauth2/token").Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }
}
