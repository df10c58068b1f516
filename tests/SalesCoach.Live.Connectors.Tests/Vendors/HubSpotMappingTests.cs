using System.Text.Json;
using SalesCoach.Live.Connectors.HubSpot;
using SalesCoach.Live.Connectors.Json;
using SalesCoach.Live.Connectors.Mapping;

namespace SalesCoach.Live.Connectors.Tests.Vendors;

public sealed class HubSpotMappingTests
{
    private static readonly VendorUsers Owners = HubSpotMapper.Owners(
        Payloads.Read("HubSpot", "owners.json", ConnectorsJsonContext.Default.HubSpotPageHubSpotOwner).Results);

    private static HubSpotObject Record(string id, params (string Name, string? Value)[] properties) => new()
    {
        Id = id,
        Properties = properties.ToDictionary(p => p.Name, p => p.Value),
    };

    [Fact]
    public void The_documented_example_parses_and_names_no_record_the_connector_reads()
    {
        var events = HubSpotMapper.ParseNotifications(Payloads.Bytes("HubSpot", "webhook-documented-example.json"));

        var e = Assert.Single(events);
        Assert.Equal(("3816279340", "1246965", "contact.propertyChange", 1462216307945L), (e.EventId, e.ObjectId, e.Type, e.OccurredAt!.Value));
        Assert.Null(e.SubscriptionType);
        Assert.Empty(HubSpotMapper.Plan(events));
    }

    [Fact]
    public void Notifications_name_calls_meetings_and_deals_and_a_deletion()
    {
        var events = HubSpotMapper.ParseNotifications(Payloads.Bytes("HubSpot", "webhook-calls-meetings-deals.json"));

        Assert.Equal(
            [
                new HubSpotObjectRef(HubSpotObjectType.Call, "512", false),
                new HubSpotObjectRef(HubSpotObjectType.Meeting, "513", false),
                new HubSpotObjectRef(HubSpotObjectType.Deal, "514", false),
                new HubSpotObjectRef(HubSpotObjectType.Call, "515", true),
            ],
            HubSpotMapper.Plan(events));
    }

    public static TheoryData<string, string, bool> PlanCases() => new()
    {
        { "a retry of the same notification names the record once", """[{"subscriptionType":"deal.creation","objectId":7,"occurredAt":1},{"subscriptionType":"deal.creation","objectId":7,"occurredAt":1,"attemptNumber":1}]""", false },
        { "created then deleted", """[{"subscriptionType":"deal.creation","objectId":7,"occurredAt":1},{"subscriptionType":"deal.deletion","objectId":7,"occurredAt":2}]""", true },
        { "deleted then restored", """[{"subscriptionType":"deal.deletion","objectId":7,"occurredAt":1},{"subscriptionType":"deal.restore","objectId":7,"occurredAt":2}]""", false },
        { "a deletion delivered after a later change does not win", """[{"subscriptionType":"deal.propertyChange","objectId":7,"occurredAt":5},{"subscriptionType":"deal.deletion","objectId":7,"occurredAt":2}]""", false },
        { "generic deletion of a deal", """[{"subscriptionType":"object.deletion","objectTypeId":"0-3","objectId":7,"occurredAt":1}]""", true },
    };

    [Theory]
    [MemberData(nameof(PlanCases))]
    public void Plan(string because, string body, bool deleted)
    {
        var record = Assert.Single(HubSpotMapper.Plan(HubSpotMapper.ParseNotifications(System.Text.Encoding.UTF8.GetBytes(body))));
        Assert.True(new HubSpotObjectRef(HubSpotObjectType.Deal, "7", deleted) == record, because);
    }

    [Theory]
    [InlineData("object.creation", "0-1", null)]
    [InlineData("object.creation", "0-48", HubSpotObjectType.Call)]
    [InlineData("object.propertyChange", "0-47", HubSpotObjectType.Meeting)]
    [InlineData("object.creation", "0-3", HubSpotObjectType.Deal)]
    [InlineData("deal.propertyChange", null, HubSpotObjectType.Deal)]
    [InlineData("contact.creation", null, null)]
    [InlineData("company.deletion", null, null)]
    public void Type_of_a_notification(string subscriptionType, string? objectTypeId, HubSpotObjectType? type) =>
        Assert.Equal(type, HubSpotMapper.TypeOf(new HubSpotWebhookEvent { SubscriptionType = subscriptionType, ObjectTypeId = objectTypeId }));

    [Fact]
    public void The_saved_completed_call_counts_at_hs_timestamp_for_its_owner()
    {
        var call = Payloads.Read("HubSpot", "call-completed.json", ConnectorsJsonContext.Default.HubSpotObject);

        var o = Assert.Single(HubSpotMapper.Map(HubSpotObjectType.Call, call, Owners));

        Assert.Equal(KindObservation.Counts("HubSpot", "call", "512", new VendorUser("41629779", "email@hubspot.com"), new DateTimeOffset(2025, 12, 5, 9, 14, 0, TimeSpan.Zero)), o);
        Assert.Equal("hubspot:call:512", o.ActivityId);
    }

    [Theory]
    [InlineData("COMPLETED", false, true)]
    [InlineData("completed", false, true)]
    [InlineData("COMPLETED", true, false)]
    [InlineData("NO_ANSWER", false, false)]
    [InlineData("BUSY", false, false)]
    [InlineData("FAILED", false, false)]
    [InlineData("CANCELED", false, false)]
    [InlineData("IN_PROGRESS", false, false)]
    [InlineData("RINGING", false, false)]
    [InlineData(null, false, false)]
    public void A_call_counts_only_when_completed(string? status, bool archived, bool counts)
    {
        var call = Record("900", ("hs_call_status", status), ("hs_timestamp", "1764926400000"), ("hubspot_owner_id", "41629780")) with { Archived = archived };

        var o = Assert.Single(HubSpotMapper.MapCall(call, Owners));

        Assert.Equal((counts, "call"), (o.Qualifies, o.Kind));
        if (counts)
        {
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764926400000), o.OccurredAt);
            Assert.Equal(new VendorUser("41629780", "Anna.Berg@Example.com"), o.Owner);
        }
    }

    [Fact]
    public void A_completed_call_without_a_time_does_not_count() =>
        Assert.False(Assert.Single(HubSpotMapper.MapCall(Record("901", ("hs_call_status", "COMPLETED")), Owners)).Qualifies);

    [Theory]
    [InlineData("SCHEDULED", true, false)]
    [InlineData("COMPLETED", true, true)]
    [InlineData("RESCHEDULED", true, false)]
    [InlineData("NO_SHOW", true, false)]
    [InlineData("CANCELED", false, false)]
    [InlineData(null, true, false)]
    public void Meeting_outcomes(string? outcome, bool booked, bool held)
    {
        var meeting = Record(
            "513",
            ("hs_meeting_outcome", outcome),
            ("hs_createdate", "2025-12-01T10:00:00.000Z"),
            ("hs_meeting_start_time", "2025-12-05T15:00:00.000Z"),
            ("hubspot_owner_id", "41629779"));

        var observations = HubSpotMapper.MapMeeting(meeting, Owners);

        var b = Assert.Single(observations, o => o.Kind == ActivityKinds.MeetingBooked);
        var h = Assert.Single(observations, o => o.Kind == ActivityKinds.MeetingHeld);
        Assert.Equal((booked, held), (b.Qualifies, h.Qualifies));
        Assert.Equal(booked ? new DateTimeOffset(2025, 12, 1, 10, 0, 0, TimeSpan.Zero) : null, b.OccurredAt);
        Assert.Equal(held ? new DateTimeOffset(2025, 12, 5, 15, 0, 0, TimeSpan.Zero) : null, h.OccurredAt);
    }

    [Fact]
    public void The_saved_batch_read_gives_a_held_meeting_and_a_cancelled_one()
    {
        var batch = Payloads.Read("HubSpot", "batch-read-meetings.json", ConnectorsJsonContext.Default.HubSpotBatchReadResponse);

        var observations = batch.Results.SelectMany(r => HubSpotMapper.Map(HubSpotObjectType.Meeting, r, Owners)).ToList();

        Assert.Equal(
            ["hubspot:meetingbooked:513 True", "hubspot:meetingheld:513 True", "hubspot:meetingbooked:516 False", "hubspot:meetingheld:516 False"],
            observations.Select(o => $"{o.ActivityId} {o.Qualifies}"));
    }

    [Theory]
    [InlineData("true", false, true)]
    [InlineData("false", false, false)]
    [InlineData(null, false, false)]
    [InlineData("true", true, false)]
    public void A_deal_counts_while_closed_won(string? closedWon, bool archived, bool counts)
    {
        var deal = Record("514", ("hs_is_closed_won", closedWon), ("closedate", "2025-12-05T11:30:00.000Z"), ("amount", "12500.50"), ("hubspot_owner_id", "41629779")) with { Archived = archived };

        var o = Assert.Single(HubSpotMapper.MapDeal(deal, Owners));

        Assert.Equal((counts, ActivityKinds.DealWon), (o.Qualifies, o.Kind));
        Assert.Equal(counts ? 12500.50 : null, o.Value);
    }

    [Fact]
    public void The_saved_search_page_gives_a_won_deal_and_the_next_page()
    {
        var page = Payloads.Read("HubSpot", "search-deals.json", ConnectorsJsonContext.Default.HubSpotPageHubSpotObject);

        var o = Assert.Single(HubSpotMapper.Map(HubSpotObjectType.Deal, Assert.Single(page.Results), Owners));

        Assert.Equal("NTI1Cg%3D%3D", page.Paging?.Next?.After);
        Assert.Equal(KindObservation.Counts("HubSpot", "dealWon", "514", new VendorUser("41629779", "email@hubspot.com"), new DateTimeOffset(2025, 12, 5, 11, 30, 0, TimeSpan.Zero), 12500.50), o);
    }

    [Fact]
    public void A_deleted_record_voids_every_kind_of_its_type()
    {
        Assert.Equal(["hubspot:call:515"], HubSpotMapper.Deleted(new HubSpotObjectRef(HubSpotObjectType.Call, "515", true)).Select(o => o.ActivityId));
        Assert.Equal(
            ["hubspot:meetingbooked:9", "hubspot:meetingheld:9"],
            HubSpotMapper.Deleted(new HubSpotObjectRef(HubSpotObjectType.Meeting, "9", true)).Select(o => o.ActivityId));
        Assert.All(HubSpotMapper.Deleted(new HubSpotObjectRef(HubSpotObjectType.Deal, "9", true)), o => Assert.False(o.Qualifies));
    }

    [Fact]
    public void An_owner_missing_from_the_owners_list_keeps_its_id_without_email()
    {
        var o = Assert.Single(HubSpotMapper.MapCall(Record("902", ("hs_call_status", "COMPLETED"), ("hs_timestamp", "1764926400000"), ("hubspot_owner_id", "777")), Owners));
        Assert.Equal(new VendorUser("777", null), o.Owner);
    }

    [Fact]
    public void The_sync_search_asks_for_records_modified_since_the_cursor_oldest_first()
    {
        var request = HubSpotMapper.SyncSearch(HubSpotObjectType.Call, DateTimeOffset.FromUnixTimeMilliseconds(1764926400000), after: "200");

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(request, ConnectorsJsonContext.Default.HubSpotSearchRequest));
        var filter = json.RootElement.GetProperty("filterGroups")[0].GetProperty("filters")[0];
        Assert.Equal(("hs_lastmodifieddate", "GTE", "1764926400000"), (filter.GetProperty("propertyName").GetString(), filter.GetProperty("operator").GetString(), filter.GetProperty("value").GetString()));
        Assert.Equal("hs_lastmodifieddate", json.RootElement.GetProperty("sorts")[0].GetString());
        Assert.Equal("200", json.RootElement.GetProperty("after").GetString());
        Assert.Contains("hs_call_status", json.RootElement.GetProperty("properties").EnumerateArray().Select(p => p.GetString()));
    }
}
