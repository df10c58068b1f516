using SalesCoach.Live.Connectors.Aircall;
using SalesCoach.Live.Connectors.HubSpot;
using SalesCoach.Live.Connectors.Json;
using SalesCoach.Live.Connectors.Mapping;
using SalesCoach.Live.Connectors.Pipedrive;
using SalesCoach.Live.Connectors.Salesforce;
using SalesCoach.Live.Connectors.Verification;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Connectors.Tests;

/// <summary>From a saved vendor payload to the results the server hands to ingest, per vendor, with the demo org
/// (metrics call, meeting, deal; reps anna, ben, ...) and rep e-mails given as the org file will give them.</summary>
public sealed class ConnectorFlowTests
{
    private static readonly Organization Org = DemoOrg.Create();

    private static readonly Dictionary<string, string> Emails = new()
    {
        ["anna"] = "anna.berg@example.com",
        ["ben"] = "ben.ortiz@example.com",
    };

    private static ConnectorMapper Mapper(ConnectorOptions options) =>
        ConnectorMapper.Create(options, Org, r => Emails.GetValueOrDefault(r.Id));

    private static IReadOnlyList<string> Lines(IEnumerable<ConnectorResult> results) => results.Select(r => r switch
    {
        CountActivity c => $"count {c.ActivityId} {c.RepId} {c.Metric} {c.OccurredAt:yyyy-MM-ddTHH:mm:ssZ}{(c.Value is { } v ? " " + v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}",
        VoidActivity v => $"void {v.ActivityId}",
        UnmappedUser u => $"unmapped {u.ActivityId} {u.VendorUserId} {u.Email}",
        _ => "?",
    }).ToList();

    [Fact]
    public void HubSpot_notifications_fetched_records_and_owners()
    {
        var options = new HubSpotOptions { RepAliases = new(StringComparer.OrdinalIgnoreCase) { ["41629779"] = "ben" } };
        options.Metrics["meetingHeld"] = "meeting";
        var mapper = Mapper(options);
        var owners = HubSpotMapper.Owners(Payloads.Read("HubSpot", "owners.json", ConnectorsJsonContext.Default.HubSpotPageHubSpotOwner).Results);
        var fetched = new Dictionary<(HubSpotObjectType, string), HubSpotObject>
        {
            [(HubSpotObjectType.Call, "512")] = Payloads.Read("HubSpot", "call-completed.json", ConnectorsJsonContext.Default.HubSpotObject),
            [(HubSpotObjectType.Meeting, "513")] = Payloads.Read("HubSpot", "batch-read-meetings.json", ConnectorsJsonContext.Default.HubSpotBatchReadResponse).Results[0],
            [(HubSpotObjectType.Deal, "514")] = Payloads.Read("HubSpot", "search-deals.json", ConnectorsJsonContext.Default.HubSpotPageHubSpotObject).Results[0],
        };

        var plan = HubSpotMapper.Plan(HubSpotMapper.ParseNotifications(Payloads.Bytes("HubSpot", "webhook-calls-meetings-deals.json")));
        var observations = plan.SelectMany(r => r.Deleted ? HubSpotMapper.Deleted(r) : HubSpotMapper.Map(r.Type, fetched[(r.Type, r.ObjectId)], owners));

        Assert.Equal(
            [
                "count hubspot:call:512 ben call 2025-12-05T09:14:00Z",
                "count hubspot:meetingbooked:513 ben meeting 2025-12-01T10:00:00Z",
                "count hubspot:meetingheld:513 ben meeting 2025-12-05T15:00:00Z",
                "count hubspot:dealwon:514 ben deal 2025-12-05T11:30:00Z 12500.5",
                "void hubspot:call:515",
            ],
            Lines(mapper.Resolve(observations)));
    }

    [Fact]
    public void HubSpot_an_owner_without_a_rep_is_unmapped_until_aliased()
    {
        var call = Payloads.Read("HubSpot", "call-completed.json", ConnectorsJsonContext.Default.HubSpotObject);
        var owners = HubSpotMapper.Owners(Payloads.Read("HubSpot", "owners.json", ConnectorsJsonContext.Default.HubSpotPageHubSpotOwner).Results);

        var before = Assert.IsType<UnmappedUser>(Assert.Single(Mapper(new HubSpotOptions()).Resolve(HubSpotMapper.MapCall(call, owners))));
        Assert.Equal(("41629779", "email@hubspot.com"), (before.VendorUserId, before.Email));

        var aliased = new HubSpotOptions();
        aliased.RepAliases["email@hubspot.com"] = "anna";
        var after = Assert.IsType<CountActivity>(Assert.Single(Mapper(aliased).Resolve(HubSpotMapper.MapCall(call, owners))));
        Assert.Equal(before.MappedTo("anna"), after);
    }

    [Fact]
    public void Aircall_verified_then_mapped()
    {
        var options = new AircallOptions { Token = "45XXYYZZa08", MeetingTags = ["Meeting booked"] };
        var mapper = Mapper(options);
        var results = new List<ConnectorResult>();
        foreach (var file in new[] { "call-ended-answered.json", "call-ended-missed.json", "call-tagged.json" })
        {
            var body = Payloads.Bytes("Aircall", file);
            Assert.True(AircallToken.Verify(body, options.Token).Accepted);
            results.AddRange(mapper.Resolve(AircallMapper.Map(AircallMapper.Parse(body)!, options.MeetingTags)));
        }

        Assert.Equal(
            [
                "count aircall:call:812 anna call 2025-12-05T09:20:01Z",
                "void aircall:meetingbooked:812",
                "void aircall:call:813",
                "void aircall:meetingbooked:813",
                "count aircall:meetingbooked:812 anna meeting 2025-12-05T09:21:40Z",
            ],
            Lines(results));
    }

    [Fact]
    public void Pipedrive_webhooks_with_users()
    {
        var mapper = Mapper(new PipedriveOptions());
        var users = PipedriveMapper.Users(Payloads.Read("Pipedrive", "users.json", ConnectorsJsonContext.Default.PipedriveUsersResponse).Data!);
        var results = new[] { "webhook-v2-deal-change-documented.json", "webhook-v2-deal-won.json", "webhook-v2-activity-call-done.json", "webhook-v2-activity-meeting-deleted.json" }
            .SelectMany(f => mapper.Resolve(PipedriveMapper.Map(PipedriveMapper.Parse(Payloads.Bytes("Pipedrive", f))!, null, users)));

        Assert.Equal(
            [
                "void pipedrive:dealwon:1",
                "count pipedrive:dealwon:42 anna deal 2025-12-05T11:30:00Z 8400",
                "count pipedrive:call:77 anna call 2025-12-05T09:39:58Z",
                "void pipedrive:meetingbooked:78",
            ],
            Lines(results));
    }

    [Fact]
    public void Salesforce_queryAll_rows()
    {
        var mapper = Mapper(new SalesforceOptions());
        var now = new DateTimeOffset(2025, 12, 5, 16, 0, 0, TimeSpan.Zero);
        var tasks = Payloads.Read("Salesforce", "queryall-tasks-page1.json", ConnectorsJsonContext.Default.SalesforceQueryResultSalesforceTask).Records
            .Concat(Payloads.Read("Salesforce", "queryall-tasks-page2.json", ConnectorsJsonContext.Default.SalesforceQueryResultSalesforceTask).Records);
        var observations = tasks.SelectMany(SalesforceMapper.MapTask)
            .Concat(Payloads.Read("Salesforce", "query-events.json", ConnectorsJsonContext.Default.SalesforceQueryResultSalesforceEvent).Records.SelectMany(e => SalesforceMapper.MapEvent(e, now)))
            .Concat(Payloads.Read("Salesforce", "query-opportunities.json", ConnectorsJsonContext.Default.SalesforceQueryResultSalesforceOpportunity).Records.SelectMany(SalesforceMapper.MapOpportunity));

        Assert.Equal(
            [
                "count salesforce:call:00tro000001a1aaaay anna call 2025-12-05T09:20:00Z",
                "void salesforce:call:00tro000001a1bbbby",
                "void salesforce:call:00tro000001a1ccccy",
                "count salesforce:meetingbooked:00uro000000e1aaaa0 anna meeting 2025-12-01T08:00:00Z",
                "count salesforce:meetingbooked:00uro000000e1bbbb0 anna meeting 2025-12-05T15:10:00Z",
                "count salesforce:dealwon:006ro000000o1aaaay anna deal 2025-12-05T00:00:00Z 12000",
                "void salesforce:dealwon:006ro000000o1bbbby",
            ],
            Lines(mapper.Resolve(observations)));
    }
}
