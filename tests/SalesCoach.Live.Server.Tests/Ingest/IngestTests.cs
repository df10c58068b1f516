using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Ingest;

/// <summary>Every rule of contract section 4.</summary>
public sealed class IngestTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly SalesCoachApp _app = fixture.App;

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key-but-long-enough-000")]
    [InlineData(SalesCoachApp.ReadKey)]
    public async Task Ingest_without_a_key_with_scope_ingest_is_401(string? key)
    {
        var response = await _app.Client(key).PostAsJsonAsync("/api/activities", TestActivity.Of("anna", "call", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_admin_key_may_ingest()
    {
        var response = await _app.Client(SalesCoachApp.AdminKey).PostAsJsonAsync("/api/activities", TestActivity.Of("anna", "call", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public static TheoryData<string, string, string> BadItems => new()
    {
        { """{"repId":"anna","type":"call","occurredAt":"2026-11-02T10:00:00+01:00"}""", "[1].id", "is required" },
        { """{"id":"","repId":"anna","type":"call","occurredAt":"2026-11-02T10:00:00+01:00"}""", "[1].id", "1 to 128" },
        { $$"""{"id":"{{new string('x', 129)}}","repId":"anna","type":"call","occurredAt":"2026-11-02T10:00:00+01:00"}""", "[1].id", "1 to 128" },
        { """{"id":42,"repId":"anna","type":"call","occurredAt":"2026-11-02T10:00:00+01:00"}""", "[1].id", "must be a string" },
        { """{"id":"b1","repId":"zed","type":"call","occurredAt":"2026-11-02T10:00:00+01:00"}""", "[1].repId", "unknown rep 'zed'" },
        { """{"id":"b1","type":"call","occurredAt":"2026-11-02T10:00:00+01:00"}""", "[1].repId", "is required" },
        { """{"id":"b1","repId":"anna","type":"email","occurredAt":"2026-11-02T10:00:00+01:00"}""", "[1].type", "unknown metric 'email'" },
        { """{"id":"b1","repId":"anna","type":"call"}""", "[1].occurredAt", "is required" },
        { """{"id":"b1","repId":"anna","type":"call","occurredAt":"2026-11-02T10:00:00"}""", "[1].occurredAt", "with an offset" },
        { """{"id":"b1","repId":"anna","type":"call","occurredAt":"yesterday"}""", "[1].occurredAt", "with an offset" },
        { """{"id":"b1","repId":"anna","type":"call","occurredAt":"2026-11-02T10:00:00+01:00","quantity":0}""", "[1].quantity", "1 to 10000" },
        { """{"id":"b1","repId":"anna","type":"call","occurredAt":"2026-11-02T10:00:00+01:00","quantity":10001}""", "[1].quantity", "1 to 10000" },
        { """{"id":"b1","repId":"anna","type":"call","occurredAt":"2026-11-02T10:00:00+01:00","quantity":1.5}""", "[1].quantity", "1 to 10000" },
        { """{"id":"b1","repId":"anna","type":"call","occurredAt":"2026-11-02T10:00:00+01:00","quantity":"3"}""", "[1].quantity", "1 to 10000" },
        { """{"id":"b1","repId":"anna","type":"deal","occurredAt":"2026-11-02T10:00:00+01:00","value":-1}""", "[1].value", "0 or more" },
        { $$"""{"id":"b1","repId":"anna","type":"call","occurredAt":"2026-11-02T10:00:00+01:00","source":"{{new string('s', 65)}}"}""", "[1].source", "at most 64" },
        { "\"just a string\"", "[1]", "must be an activity object" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task A_bad_item_is_named_by_its_index_and_nothing_is_recorded(string badItem, string key, string message)
    {
        var goodId = $"good-{Guid.NewGuid():N}";
        var body = $$"""[{"id":"{{goodId}}","repId":"anna","type":"call","occurredAt":"2026-11-02T10:00:00+01:00"}, {{badItem}}]""";

        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json.ReadAsync(response);
        var messages = problem.GetProperty("errors").GetProperty(key).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(message, StringComparison.Ordinal));
        Assert.False(problem.GetProperty("errors").TryGetProperty("[0].id", out _));

        // All or nothing: the good item was not recorded, so sending it alone now is new, not a duplicate.
        var again = await Json.ReadAsync(await _app.PostAsync(TestActivity.Of("anna", "call", "2026-11-02T10:00:00+01:00", id: goodId)));
        Assert.Equal(1, again.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task An_activity_more_than_five_minutes_in_the_future_is_refused()
    {
        var response = await _app.PostAsync(new[] { TestActivity.Of("anna", "call", DateTimeOffset.UtcNow.AddMinutes(6)) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Contains("future", problem.GetProperty("errors").GetProperty("[0].occurredAt")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_a_few_minutes_in_the_future_is_accepted()
    {
        var response = await _app.PostAsync(TestActivity.Of("anna", "call", DateTimeOffset.UtcNow.AddMinutes(4)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json", "body")]
    [InlineData("42", "body")]
    [InlineData("[]", "body")]
    public async Task A_body_that_is_not_activities_is_a_400_naming_the_body(string body, string key)
    {
        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(key, out _));
    }

    [Fact]
    public async Task A_single_object_names_its_fields_without_an_index()
    {
        var response = await PostRawAsync("""{"id":"x1","repId":"zed","type":"call","occurredAt":"2026-11-02T10:00:00+01:00"}""");

        var problem = await Json.ReadAsync(response);
        Assert.Equal("unknown rep 'zed'", problem.GetProperty("errors").GetProperty("repId")[0].GetString());
    }

    [Fact]
    public async Task More_than_5000_items_is_413_and_nothing_is_recorded()
    {
        var id = $"big-{Guid.NewGuid():N}";
        var items = Enumerable.Range(0, 5001).Select(i => TestActivity.Of("cara", "call", "2026-10-05T10:00:00+02:00", id: $"{id}-{i}")).ToList();

        var response = await _app.PostAsync(items);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var again = await Json.ReadAsync(await _app.PostAsync(TestActivity.Of("anna", "call", "2026-10-05T10:00:00+02:00", id: $"{id}-0")));
        Assert.Equal(1, again.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Exactly_5000_items_are_accepted_in_one_request()
    {
        var id = $"max-{Guid.NewGuid():N}";
        var items = Enumerable.Range(0, 5000).Select(i => TestActivity.Of("ben", "call", "2026-09-07T10:00:00+02:00", id: $"{id}-{i}")).ToList();

        var response = await _app.PostAsync(items);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(5000, (await Json.ReadAsync(response)).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task An_id_seen_before_is_a_duplicate_and_never_counted_twice()
    {
        // Monday 2026-08-03, a day no other test uses.
        var first = TestActivity.Of("anna", "call", "2026-08-03T10:00:00+02:00", quantity: 3);
        var second = TestActivity.Of("anna", "call", "2026-08-03T10:05:00+02:00", quantity: 2);

        var one = await Json.ReadAsync(await _app.PostAsync(new[] { first, second, first }));
        var two = await Json.ReadAsync(await _app.PostAsync(new[] { first, second }));

        Assert.Equal((2, 1), (one.GetProperty("accepted").GetInt32(), one.GetProperty("duplicates").GetInt32()));
        Assert.Equal((0, 2), (two.GetProperty("accepted").GetInt32(), two.GetProperty("duplicates").GetInt32()));
        var board = await BoardAsync("alpha", "2026-08-03T12:00:00+02:00");
        Assert.Equal(5, Json.Row(board, "anna").GetProperty("metrics").GetProperty("call").GetProperty("actual").GetDouble());
    }

    [Fact]
    public async Task Late_activity_counts_in_the_period_it_happened_in()
    {
        // Tuesday 2026-07-07 and Wednesday 2026-07-08: one ISO week; the meeting's week goal sees both days.
        await _app.PostAsync(new[]
        {
            TestActivity.Of("ben", "meeting", "2026-07-08T11:00:00+02:00"),
            TestActivity.Of("ben", "meeting", "2026-07-07T15:00:00+02:00"),
            TestActivity.Of("ben", "call", "2026-07-07T15:00:00+02:00", quantity: 7),
        });

        var wednesday = Json.Row(await BoardAsync("alpha", "2026-07-08T12:00:00+02:00"), "ben").GetProperty("metrics");
        Assert.Equal(0, wednesday.GetProperty("call").GetProperty("actual").GetDouble());
        Assert.Equal(2, wednesday.GetProperty("meeting").GetProperty("actual").GetDouble());
        var tuesday = Json.Row(await BoardAsync("alpha", "2026-07-07T16:00:00+02:00"), "ben").GetProperty("metrics");
        Assert.Equal(7, tuesday.GetProperty("call").GetProperty("actual").GetDouble());
        Assert.Equal(1, tuesday.GetProperty("meeting").GetProperty("actual").GetDouble());
    }

    [Fact]
    public async Task Quantity_defaults_to_one_and_counts_in_full()
    {
        await _app.PostAsync(new[]
        {
            TestActivity.Of("anna", "call", "2026-06-01T09:30:00+02:00"),
            TestActivity.Of("anna", "call", "2026-06-01T09:40:00+02:00", quantity: 4),
        });

        var row = Json.Row(await BoardAsync("alpha", "2026-06-01T10:00:00+02:00"), "anna");
        Assert.Equal(5, row.GetProperty("metrics").GetProperty("call").GetProperty("actual").GetDouble());
        Assert.Equal(5, row.GetProperty("score").GetInt64());
    }

    private async Task<JsonElement> BoardAsync(string team, string at) =>
        await Json.ReadAsync(await _app.Client(SalesCoachApp.ReadKey).GetAsync($"/api/teams/{team}/board?at={Uri.EscapeDataString(at)}"));

    private Task<HttpResponseMessage> PostRawAsync(string body)
    {
        var client = _app.Client(SalesCoachApp.IngestKey);
        return client.PostAsync("/api/activities", new StringContent(body, Encoding.UTF8, "application/json"));
    }
}
