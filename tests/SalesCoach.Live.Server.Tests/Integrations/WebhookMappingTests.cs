using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesCoach.Live.Server.Tests.Infrastructure;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Tests.Integrations;

/// <summary>The shipped mappings against the sample payloads of each kind of sender, through the real server.</summary>
public sealed class WebhookMappingTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(1));

    private readonly SalesCoachApp _app = fixture.App;

    [Fact]
    public async Task A_dialer_call_becomes_a_call_of_the_rep_its_email_names_and_a_second_post_is_a_duplicate()
    {
        var response = await WebhookSettings.PostAsync(_app, "dialer", WebhookSettings.Sample("dialer-call.json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await Json.ReadAsync(response);
        AssertCounts(answer, events: 1, accepted: 1, duplicates: 0, filtered: 0, deadLettered: 0);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("deadLetterId").ValueKind);
        var call = await LoggedAsync("dialer:CA-20261124-1001");
        Assert.Equal(("anna", "call", 1, "dialer"), (call.RepId, call.Type, call.Quantity, call.Source));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 15, 44, TimeSpan.FromHours(1)), call.OccurredAt);

        var again = await Json.ReadAsync(await WebhookSettings.PostAsync(_app, "dialer", WebhookSettings.Sample("dialer-call.json")));
        AssertCounts(again, events: 1, accepted: 0, duplicates: 1, filtered: 0, deadLettered: 0);
    }

    [Fact]
    public async Task A_dialer_envelope_maps_connected_calls_books_meetings_skips_no_answers_and_dead_letters_an_unknown_agent()
    {
        var body = WebhookSettings.Sample("dialer-batch.json");

        var response = await WebhookSettings.PostAsync(_app, "dialer", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await Json.ReadAsync(response);
        AssertCounts(answer, events: 4, accepted: 3, duplicates: 0, filtered: 1, deadLettered: 1);
        var problem = Assert.Single(answer.GetProperty("errors").EnumerateObject());
        Assert.Equal("[3].repId", problem.Name);
        Assert.Contains("unknown rep alias 'zed@example.com'", problem.Value[0].GetString());
        Assert.Contains("Webhooks:RepAliases:zed@example.com", problem.Value[0].GetString());

        Assert.Equal("call", (await LoggedAsync("dialer:CA-20261124-2001")).Type);
        Assert.Equal(("ben", "call"), await RepAndTypeAsync("dialer:CA-20261124-2003"));
        Assert.Equal(("ben", "meeting"), await RepAndTypeAsync("dialer:CA-20261124-2003/meeting"));
        Assert.Null(await FindLoggedAsync("dialer:CA-20261124-2002"));
        Assert.Null(await FindLoggedAsync("dialer:CA-20261124-2004"));

        var letter = await DeadLetterAsync(answer.GetProperty("deadLetterId").GetInt64());
        Assert.Equal("dialer", letter.GetProperty("source").GetString());
        Assert.Equal("open", letter.GetProperty("status").GetString());
        Assert.Equal(Encoding.UTF8.GetString(body), letter.GetProperty("payload").GetString());
        Assert.Contains("1 of 4 events could not be taken: [3].repId: unknown rep alias", letter.GetProperty("reason").GetString());
        Assert.True(letter.GetProperty("errors").TryGetProperty("[3].repId", out _));
        Assert.True(DateTimeOffset.UtcNow - letter.GetProperty("receivedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_filtered_out_event_is_counted_and_nothing_else_happens()
    {
        var response = await WebhookSettings.PostAsync(_app, "dialer", WebhookSettings.Sample("dialer-no-answer.json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        AssertCounts(await Json.ReadAsync(response), events: 1, accepted: 0, duplicates: 0, filtered: 1, deadLettered: 0);
        Assert.Null(await FindLoggedAsync("dialer:CA-20261124-1002"));
    }

    [Fact]
    public async Task A_configured_engagement_mapping_maps_completed_calls_and_meetings_from_owner_ids_and_dead_letter_an_unmapped_type()
    {
        var response = await WebhookSettings.PostAsync(_app, "crm-engagements", WebhookSettings.Sample("hubspot-engagements.json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await Json.ReadAsync(response);
        AssertCounts(answer, events: 4, accepted: 2, duplicates: 0, filtered: 1, deadLettered: 1);
        var call = await LoggedAsync("crm-engagements:29090716");
        Assert.Equal(("anna", "call", "crm-engagements"), (call.RepId, call.Type, call.Source));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(1)), call.OccurredAt);
        Assert.Equal(("ben", "meeting"), await RepAndTypeAsync("crm-engagements:29090718"));
        Assert.Null(await FindLoggedAsync("crm-engagements:29090717")); // a call that was not answered
        var unmapped = answer.GetProperty("errors").GetProperty("[3].type")[0].GetString();
        Assert.Contains("no mapping for 'EMAIL' (from $.engagement.type)", unmapped);
        Assert.Contains("Webhooks:Sources:crm-engagements:Fields:type:Map:EMAIL", unmapped);
    }

    [Fact]
    public async Task A_configured_outbound_message_mapping_maps_call_tasks_and_events_and_skip_emails_and_unanswered_calls()
    {
        var response = await WebhookSettings.PostAsync(_app, "crm-outbound", WebhookSettings.Sample("salesforce-outbound.json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        AssertCounts(await Json.ReadAsync(response), events: 4, accepted: 2, duplicates: 0, filtered: 2, deadLettered: 0);
        var call = await LoggedAsync("crm-outbound:00T5g00000Xy01AAAA");
        Assert.Equal(("anna", "call"), (call.RepId, call.Type));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 13, 5, 0, TimeSpan.Zero), call.OccurredAt);
        var meeting = await LoggedAsync("crm-outbound:00U5g00000Mt01AAAA");
        Assert.Equal(("ben", "meeting"), (meeting.RepId, meeting.Type));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero), meeting.OccurredAt);
        Assert.Null(await FindLoggedAsync("crm-outbound:00T5g00000Xy02AAAA"));
        Assert.Null(await FindLoggedAsync("crm-outbound:00T5g00000Xy03AAAA"));
    }

    [Fact]
    public async Task A_Salesforce_platform_event_becomes_a_deal_with_its_amount()
    {
        var response = await WebhookSettings.PostAsync(_app, "salesforce-events", WebhookSettings.Sample("salesforce-platform-event.json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        AssertCounts(await Json.ReadAsync(response), events: 1, accepted: 1, duplicates: 0, filtered: 0, deadLettered: 0);
        var deal = await LoggedAsync("salesforce-events:8d4b0f2a-5c1e-4f7e-9a0b-2f6d3c1e7a55");
        Assert.Equal(("ben", "deal", 1, 12500.5m, "salesforce"), (deal.RepId, deal.Type, deal.Quantity, deal.Value, deal.Source));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 10, 0, TimeSpan.Zero), deal.OccurredAt);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_problem_naming_the_body_and_is_kept_as_a_dead_letter()
    {
        var body = WebhookSettings.Sample("dialer-malformed.json");

        var response = await WebhookSettings.PostAsync(_app, "dialer", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json.ReadAsync(response);
        Assert.Contains("not valid JSON", problem.GetProperty("errors").GetProperty("body")[0].GetString());
        var letter = await DeadLetterAsync(problem.GetProperty("deadLetterId").GetInt64());
        Assert.Equal(Encoding.UTF8.GetString(body), letter.GetProperty("payload").GetString());
        Assert.Equal(1, letter.GetProperty("attempts").GetInt32());

        // The sender's retry of the same bytes is the same dead letter, counted again.
        var retry = await Json.ReadAsync(await WebhookSettings.PostAsync(_app, "dialer", body));
        Assert.Equal(problem.GetProperty("deadLetterId").GetInt64(), retry.GetProperty("deadLetterId").GetInt64());
        Assert.Equal(2, (await DeadLetterAsync(retry.GetProperty("deadLetterId").GetInt64())).GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task A_single_event_without_id_and_with_a_bad_time_is_a_400_problem_naming_each_field()
    {
        var response = await WebhookSettings.PostAsync(_app, "dialer", WebhookSettings.Sample("dialer-incomplete.json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json.ReadAsync(response);
        var errors = problem.GetProperty("errors");
        Assert.Equal("is required: nothing at $.call_id", errors.GetProperty("id")[0].GetString());
        Assert.Contains("'yesterday 10:15' (from $.ended_at | $.started_at) is not an ISO-8601", errors.GetProperty("occurredAt")[0].GetString());
        Assert.Equal(1, problem.GetProperty("deadLettered").GetInt32());
        Assert.Equal("open", (await DeadLetterAsync(problem.GetProperty("deadLetterId").GetInt64())).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_event_the_ingest_pipeline_refuses_is_dead_lettered_and_the_rest_of_the_payload_goes_through()
    {
        var good = Guid.NewGuid().ToString("N");
        var future = Guid.NewGuid().ToString("N");
        var body = $$"""
            [ { "call_id": "{{good}}", "agent_email": "anna@example.com", "outcome": "connected", "ended_at": "2026-11-24T16:00:00+01:00" },
              { "call_id": "{{future}}", "agent_email": "anna@example.com", "outcome": "connected", "ended_at": "{{DateTimeOffset.UtcNow.AddHours(2):O}}" },
              { "call_id": "{{future}}-x", "agent_email": "anna@example.com", "outcome": "connected", "disposition": "meeting_booked", "ended_at": "2026-11-24T16:05:00+01:00", "duration_seconds": 10 } ]
            """;

        var response = await WebhookSettings.PostAsync(_app, "dialer", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await Json.ReadAsync(response);
        AssertCounts(answer, events: 3, accepted: 3, duplicates: 0, filtered: 0, deadLettered: 1);
        Assert.Equal("is more than 5 minutes in the future", answer.GetProperty("errors").GetProperty("[1].occurredAt")[0].GetString());
        Assert.NotNull(await FindLoggedAsync("dialer:" + good));
        Assert.Null(await FindLoggedAsync("dialer:" + future));
    }

    [Fact]
    public async Task A_webhook_moves_the_live_board_like_a_post_to_the_activities_endpoint()
    {
        var callId = Guid.NewGuid().ToString("N");
        var before = await LiveCallsAsync("lena");
        var body = $$"""{ "call_id": "{{callId}}", "agent_email": "LENA@example.com", "outcome": "connected", "ended_at": "{{DateTimeOffset.UtcNow.AddSeconds(-5):O}}" }""";

        var response = await WebhookSettings.PostAsync(_app, "dialer", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(before + 1, await LiveCallsAsync("lena"));
    }

    [Fact]
    public async Task An_unknown_source_is_404_for_a_key_holder_and_401_for_anyone_else()
    {
        // (pipedrive, hubspot, salesforce and aircall have connectors: A_vendor_with_a_connector_is_sent_to_it...)
        var withKey = await WebhookSettings.PostAsync(_app, "zoho", "{}");
        var withoutKey = await WebhookSettings.PostAsync(_app, "zoho", "{}", key: null);

        Assert.Equal(HttpStatusCode.NotFound, withKey.StatusCode);
        Assert.Contains("Webhooks:Sources:zoho", (await Json.ReadAsync(withKey)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal("application/problem+json", withoutKey.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var body = "[" + string.Join(",", Enumerable.Repeat("\"" + new string('x', 1000) + "\"", 1100)) + "]";

        var response = await WebhookSettings.PostAsync(_app, "dialer", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    // Columns: the source posted to, the key sent (null: none), the endpoint the problem points to.
    [InlineData("hubspot", SalesCoachApp.IngestKey, "/api/connectors/hubspot/webhook")]
    [InlineData("hubspot", null, "/api/connectors/hubspot/webhook")] // HubSpot itself posts without a key
    [InlineData("HubSpot", null, "/api/connectors/hubspot/webhook")]
    [InlineData("salesforce", SalesCoachApp.IngestKey, "/api/connectors")] // polled: nothing to post to
    [InlineData("salesforce", null, "/api/connectors")]
    [InlineData("pipedrive", null, "/api/connectors/pipedrive/webhook")]
    [InlineData("aircall", null, "/api/connectors/aircall/webhook")]
    public async Task A_vendor_with_a_connector_is_sent_to_it_with_a_404_naming_the_source(string source, string? key, string connector)
    {
        var body = source.StartsWith("hub", StringComparison.OrdinalIgnoreCase)
            ? File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "tests", "SalesCoach.Live.Connectors.Tests", "VendorPayloads", "HubSpot", "webhook-documented-example.json"))
            : Encoding.UTF8.GetBytes("{}");

        var response = await WebhookSettings.PostAsync(_app, source, body, key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json.ReadAsync(response);
        Assert.Equal(source, problem.GetProperty("source").GetString());
        Assert.Equal(connector, problem.GetProperty("connector").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"There is no webhook source '{source}'", detail, StringComparison.Ordinal);
        Assert.Contains(connector == "/api/connectors" ? "polls the Salesforce API" : connector, detail, StringComparison.Ordinal);
        var letters = await Json.ReadAsync(await _app.Client(SalesCoachApp.AdminKey).GetAsync($"/api/webhooks/dead-letters?source={source}"));
        Assert.Empty(letters.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_sources_in_force_are_listed_for_admins_without_their_secrets()
    {
        var response = await _app.Client(SalesCoachApp.AdminKey).GetAsync("/api/webhooks/sources");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(WebhookSettings.DialerSecret, text, StringComparison.Ordinal);
        var sources = JsonDocument.Parse(text).RootElement.EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["crm-engagements", "crm-outbound", "dialer", "salesforce-events"], sources.Keys.Order(StringComparer.Ordinal));
        Assert.True(sources["dialer"].GetProperty("signed").GetBoolean());
        Assert.Equal("$.engagement.ownerId", sources["crm-engagements"].GetProperty("fields").GetProperty("repId").GetProperty("path").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Client(SalesCoachApp.IngestKey).GetAsync("/api/webhooks/sources")).StatusCode);
    }

    private static void AssertCounts(JsonElement answer, int events, int accepted, int duplicates, int filtered, int deadLettered) =>
        Assert.Equal(
            (events, accepted, duplicates, filtered, deadLettered),
            (answer.GetProperty("events").GetInt32(), answer.GetProperty("accepted").GetInt32(), answer.GetProperty("duplicates").GetInt32(),
             answer.GetProperty("filtered").GetInt32(), answer.GetProperty("deadLettered").GetInt32()));

    private async Task<int> LiveCallsAsync(string repId)
    {
        var pace = await Json.ReadAsync(await _app.Client(SalesCoachApp.ReadKey).GetAsync($"/api/reps/{repId}/pace"));
        return (int)pace.GetProperty("metrics").GetProperty("call").GetProperty("actual").GetDouble();
    }

    private async Task<JsonElement> DeadLetterAsync(long id)
    {
        var response = await _app.Client(SalesCoachApp.AdminKey).GetAsync($"/api/webhooks/dead-letters/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync(response);
    }

    private async Task<(string, string)> RepAndTypeAsync(string id)
    {
        var activity = await LoggedAsync(id);
        return (activity.RepId, activity.Type);
    }

    private async Task<LoggedActivity> LoggedAsync(string id) =>
        await FindLoggedAsync(id) ?? throw new Xunit.Sdk.XunitException($"The log has no activity '{id}'.");

    private async Task<LoggedActivity?> FindLoggedAsync(string id)
    {
        var log = _app.Services.GetRequiredService<IActivityLog>();
        var all = await log.ReadByOccurrenceAsync(["anna", "ben", "lena"], Day.AddDays(-1), Day.AddDays(2));
        return all.SingleOrDefault(a => a.Id == id);
    }
}
