using SalesCoach.Live.Connectors.Json;
using SalesCoach.Live.Connectors.Mapping;
using SalesCoach.Live.Connectors.Pipedrive;

namespace SalesCoach.Live.Connectors.Tests.Vendors;

public sealed class PipedriveMappingTests
{
    private static readonly VendorUsers Users = PipedriveMapper.Users(
        Payloads.Read("Pipedrive", "users.json", ConnectorsJsonContext.Default.PipedriveUsersResponse).Data!);

    private static readonly VendorUser Anna = new("18487521", "anna.berg@example.com");

    private static IReadOnlyList<KindObservation> Saved(string file, Dictionary<string, string?>? types = null) =>
        PipedriveMapper.Map(PipedriveMapper.Parse(Payloads.Bytes("Pipedrive", file))!, types, Users);

    private static IReadOnlyList<string> Lines(IEnumerable<KindObservation> observations) =>
        observations.Select(o => $"{o.ActivityId} {o.Qualifies}{(o.OccurredAt is { } at ? " " + at.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "")}").ToList();

    [Fact]
    public void The_documented_deal_change_is_an_open_deal_so_nothing_counts()
    {
        var webhook = PipedriveMapper.Parse(Payloads.Bytes("Pipedrive", "webhook-v2-deal-change-documented.json"))!;
        Assert.Equal(("change", "deal", "2.0", "1", 1, "1727447128"), (webhook.Meta!.Action, webhook.Meta.Entity, webhook.Meta.Version, webhook.Meta.EntityId, webhook.Meta.Attempt!.Value, webhook.Meta.Timestamp));

        Assert.Equal(["pipedrive:dealwon:1 False"], Lines(Saved("webhook-v2-deal-change-documented.json")));
    }

    [Fact]
    public void A_won_deal_counts_at_won_time_with_its_value_for_its_owner()
    {
        var o = Assert.Single(Saved("webhook-v2-deal-won.json"));
        Assert.Equal(KindObservation.Counts("Pipedrive", "dealWon", "42", Anna, new DateTimeOffset(2025, 12, 5, 11, 30, 0, TimeSpan.Zero), 8400), o);
    }

    [Fact]
    public void A_done_call_counts_at_its_done_time()
    {
        var o = Assert.Single(Saved("webhook-v2-activity-call-done.json"));
        Assert.Equal(KindObservation.Counts("Pipedrive", "call", "77", Anna, new DateTimeOffset(2025, 12, 5, 9, 39, 58, TimeSpan.Zero)), o);
    }

    [Fact]
    public void A_deleted_meeting_voids_both_meeting_kinds() =>
        Assert.Equal(["pipedrive:meetingbooked:78 False", "pipedrive:meetingheld:78 False"], Lines(Saved("webhook-v2-activity-meeting-deleted.json")));

    [Fact]
    public void A_deletion_without_the_old_record_voids_every_activity_kind() =>
        Assert.Equal(
            ["pipedrive:call:79 False", "pipedrive:meetingbooked:79 False", "pipedrive:meetingheld:79 False"],
            Lines(PipedriveMapper.Map(PipedriveMapper.Parse("""{"meta":{"action":"delete","entity":"activity","entity_id":79,"version":"2.0"},"data":null,"previous":null}"""u8)!, null, Users)));

    public static TheoryData<string, string, string[]> ActivityCases() => new()
    {
        { "call not done", """{"id":1,"type":"call","done":false,"owner_id":18487521,"update_time":"2025-12-05T09:00:00Z"}""", ["pipedrive:call:1 False"] },
        { "call done, no marked_as_done_time: update_time", """{"id":1,"type":"call","done":true,"owner_id":18487521,"update_time":"2025-12-05T09:00:00Z"}""", ["pipedrive:call:1 True 2025-12-05T09:00:00"] },
        { "call done, v1 shape (user_id, done 1, v1 times)", """{"id":1,"type":"call","done":1,"user_id":18487521,"marked_as_done_time":"2025-12-05 09:39:58","update_time":"2025-12-05 09:40:00"}""", ["pipedrive:call:1 True 2025-12-05T09:39:58"] },
        { "call done but deleted", """{"id":1,"type":"call","done":true,"is_deleted":true,"update_time":"2025-12-05T09:00:00Z"}""", ["pipedrive:call:1 False"] },
        {
            "meeting created, not done: booked at add_time",
            """{"id":2,"type":"meeting","done":false,"add_time":"2025-12-04T16:05:00Z","due_date":"2025-12-08","due_time":"14:00"}""",
            ["pipedrive:meetingbooked:2 True 2025-12-04T16:05:00", "pipedrive:meetingheld:2 False"]
        },
        {
            "meeting done: held at its start (due date and time)",
            """{"id":2,"type":"meeting","done":true,"add_time":"2025-12-04T16:05:00Z","due_date":"2025-12-08","due_time":"14:00","marked_as_done_time":"2025-12-08T15:02:00Z"}""",
            ["pipedrive:meetingbooked:2 True 2025-12-04T16:05:00", "pipedrive:meetingheld:2 True 2025-12-08T14:00:00"]
        },
        {
            "meeting done without a due date: held at its done time",
            """{"id":2,"type":"meeting","done":true,"add_time":"2025-12-04T16:05:00Z","marked_as_done_time":"2025-12-08T15:02:00Z"}""",
            ["pipedrive:meetingbooked:2 True 2025-12-04T16:05:00", "pipedrive:meetingheld:2 True 2025-12-08T15:02:00"]
        },
        {
            "meeting marked undone again: held voided",
            """{"id":2,"type":"meeting","done":false,"add_time":"2025-12-04T16:05:00Z","due_date":"2025-12-08"}""",
            ["pipedrive:meetingbooked:2 True 2025-12-04T16:05:00", "pipedrive:meetingheld:2 False"]
        },
        { "an email activity counts nothing", """{"id":3,"type":"email","done":true,"update_time":"2025-12-05T09:00:00Z"}""", [] },
        { "a demo (mapped to meetingHeld) done", """{"id":4,"type":"demo","done":true,"due_date":"2025-12-05","due_time":"10:00"}""", ["pipedrive:meetingheld:4 True 2025-12-05T10:00:00"] },
        { "a lunch (mapped to both meeting kinds)", """{"id":5,"type":"lunch","done":false,"add_time":"2025-12-04T16:05:00Z"}""", ["pipedrive:meetingbooked:5 True 2025-12-04T16:05:00", "pipedrive:meetingheld:5 False"] },
        { "call mapped to nothing", """{"id":6,"type":"call","done":true,"update_time":"2025-12-05T09:00:00Z"}""", [] },
        { "a type mapped to dealWon is refused", """{"id":7,"type":"contract","done":true,"update_time":"2025-12-05T09:00:00Z"}""", [] },
    };

    [Theory]
    [MemberData(nameof(ActivityCases))]
    public void Activities(string because, string activity, string[] expected)
    {
        var types = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["demo"] = "meetingHeld",
            ["Lunch"] = "meeting",
            ["contract"] = "dealWon",
        };
        if (because == "call mapped to nothing")
        {
            types["call"] = "";
        }

        var a = System.Text.Json.JsonSerializer.Deserialize(activity, ConnectorsJsonContext.Default.PipedriveActivity)!;
        Assert.True(expected.SequenceEqual(Lines(PipedriveMapper.MapActivity(a, types, Users))), because + ": " + string.Join(", ", Lines(PipedriveMapper.MapActivity(a, types, Users))));
    }

    public static TheoryData<string, string, bool, string[]> DealCases() => new()
    {
        { "won", """{"id":9,"status":"won","won_time":"2025-12-05T11:30:00Z","value":100,"owner_id":18487522}""", false, ["pipedrive:dealwon:9 True 2025-12-05T11:30:00"] },
        { "won, v1 time", """{"id":9,"status":"won","won_time":"2025-12-05 11:30:00","value":100,"user_id":18487522}""", false, ["pipedrive:dealwon:9 True 2025-12-05T11:30:00"] },
        { "reopened", """{"id":9,"status":"open","won_time":null,"value":100}""", false, ["pipedrive:dealwon:9 False"] },
        { "lost", """{"id":9,"status":"lost","value":100}""", false, ["pipedrive:dealwon:9 False"] },
        { "deleted (v1 status)", """{"id":9,"status":"deleted","value":100}""", false, ["pipedrive:dealwon:9 False"] },
        { "won but the notification is a delete", """{"id":9,"status":"won","won_time":"2025-12-05T11:30:00Z","value":100}""", true, ["pipedrive:dealwon:9 False"] },
    };

    [Theory]
    [MemberData(nameof(DealCases))]
    public void Deals(string because, string deal, bool deleted, string[] expected)
    {
        var d = System.Text.Json.JsonSerializer.Deserialize(deal, ConnectorsJsonContext.Default.PipedriveDeal)!;
        Assert.True(expected.SequenceEqual(Lines(PipedriveMapper.MapDeal(d, Users, deleted))), because);
    }

    [Fact]
    public void The_owner_is_resolved_through_the_users_list() =>
        Assert.Equal(new VendorUser("18487522", "ben.ortiz@example.com"), Users.Find("18487522"));

    [Fact]
    public void A_v1_shaped_deletion_meta_object_and_action_deleted_voids() =>
        Assert.Equal(
            ["pipedrive:dealwon:9 False"],
            Lines(PipedriveMapper.Map(PipedriveMapper.Parse("""{"meta":{"action":"deleted","object":"deal","id":9},"current":null,"previous":{"id":9,"status":"won","won_time":"2025-12-05 11:30:00"}}"""u8)!, null, Users)));

    [Fact]
    public void A_call_whose_type_changes_to_email_is_voided() =>
        Assert.Equal(
            ["pipedrive:call:77 False"],
            Lines(PipedriveMapper.Map(PipedriveMapper.Parse("""{"meta":{"action":"change","entity":"activity","entity_id":77,"version":"2.0"},"data":{"id":77,"type":"email","done":true,"update_time":"2025-12-05T09:00:00Z"},"previous":{"type":"call"}}"""u8)!, null, Users)));

    [Fact]
    public void A_meeting_whose_type_changes_to_call_keeps_only_the_call() =>
        Assert.Equal(
            ["pipedrive:call:78 True 2025-12-05T09:00:00", "pipedrive:meetingbooked:78 False", "pipedrive:meetingheld:78 False"],
            Lines(PipedriveMapper.Map(PipedriveMapper.Parse("""{"meta":{"action":"change","entity":"activity","entity_id":78,"version":"2.0"},"data":{"id":78,"type":"call","done":true,"update_time":"2025-12-05T09:00:00Z"},"previous":{"type":"meeting"}}"""u8)!, null, Users)));

    [Fact]
    public void Other_entities_count_nothing() =>
        Assert.Empty(PipedriveMapper.Map(PipedriveMapper.Parse("""{"meta":{"action":"create","entity":"person","entity_id":3,"version":"2.0"},"data":{"id":3,"name":"P"},"previous":null}"""u8)!, null, Users));
}
