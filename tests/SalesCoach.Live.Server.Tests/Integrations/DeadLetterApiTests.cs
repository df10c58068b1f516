using System.Net;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Integrations;

/// <summary>The admin API of the dead-letter table: admin scope, paging, status, reading, forgetting, and its problems.</summary>
public sealed class DeadLetterApiTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private readonly SalesCoachApp _app = fixture.App;

    [Theory]
    [InlineData(null)]
    [InlineData(SalesCoachApp.IngestKey)]
    [InlineData(SalesCoachApp.ReadKey)]
    public async Task Only_admins_see_dead_letters(string? key)
    {
        var client = _app.Client(key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/webhooks/dead-letters")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/webhooks/dead-letters/1/replay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/webhooks/dead-letters/replay?source=dialer", null)).StatusCode);
    }

    [Fact]
    public async Task Dead_letters_are_listed_newest_first_in_pages_and_can_be_forgotten()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var problem = await Json.ReadAsync(await WebhookSettings.PostAsync(_app, "crm-engagements", $$"""{ "engagement": { "id": {{i}}, "type": "NOTE" }, "n": "{{Guid.NewGuid()}}" }"""));
            ids.Add(problem.GetProperty("deadLetterId").GetInt64());
        }

        var admin = _app.Client(SalesCoachApp.AdminKey);
        var first = await Json.ReadAsync(await admin.GetAsync("/api/webhooks/dead-letters?source=crm-engagements&limit=2"));
        Assert.Equal([ids[2], ids[1]], first.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetInt64()));
        var before = first.GetProperty("nextBefore").GetInt64();
        var second = await Json.ReadAsync(await admin.GetAsync($"/api/webhooks/dead-letters?source=crm-engagements&limit=2&before={before}"));
        Assert.Contains(ids[0], second.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetInt64()));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/webhooks/dead-letters/{ids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/webhooks/dead-letters/{ids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/webhooks/dead-letters/{ids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/webhooks/dead-letters/{ids[0]}/replay", null)).StatusCode);
    }

    [Theory]
    [InlineData("/api/webhooks/dead-letters?status=lost", "status")]
    [InlineData("/api/webhooks/dead-letters?limit=0", "limit")]
    [InlineData("/api/webhooks/dead-letters?limit=5000", "limit")]
    [InlineData("/api/webhooks/dead-letters?before=x", "before")]
    public async Task Bad_query_values_are_400_problems_naming_the_parameter(string url, string field)
    {
        var response = await _app.Client(SalesCoachApp.AdminKey).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Replay_all_needs_a_configured_source()
    {
        var admin = _app.Client(SalesCoachApp.AdminKey);

        var missing = await admin.PostAsync("/api/webhooks/dead-letters/replay", null);
        var unknown = await admin.PostAsync("/api/webhooks/dead-letters/replay?source=pipedrive", null);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await Json.ReadAsync(missing)).GetProperty("errors").TryGetProperty("source", out _));
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}
