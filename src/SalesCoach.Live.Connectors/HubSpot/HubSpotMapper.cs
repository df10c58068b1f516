using System.Globalization;
using System.Text.Json;
using SalesCoach.Live.Connectors.Json;
using SalesCoach.Live.Connectors.Mapping;

namespace SalesCoach.Live.Connectors.HubSpot;

/// <summary>The CRM object types the HubSpot connector reads.</summary>
public enum HubSpotObjectType
{
    Call,
    Meeting,
    Deal,
}

/// <summary>A record a batch of notifications names: fetch it (single or batch read), or, when the last notification
/// for it was a deletion, void its activities without fetching.</summary>
public sealed record HubSpotObjectRef(HubSpotObjectType Type, string ObjectId, bool Deleted);

/// <summary>HubSpot notifications → records to fetch; CRM v3 records → kind observations (connectors-v1.md
/// section 3): <c>call</c> when <c>hs_call_status</c> is <c>COMPLETED</c>, at <c>hs_timestamp</c>; <c>meetingBooked</c> at
/// <c>hs_createdate</c> unless <c>hs_meeting_outcome</c> is <c>CANCELED</c>; <c>meetingHeld</c> when the outcome is
/// <c>COMPLETED</c>, at <c>hs_meeting_start_time</c>; <c>dealWon</c> when <c>hs_is_closed_won</c> is <c>true</c>, at
/// <c>closedate</c>, value <c>amount</c>. The owner is <c>hubspot_owner_id</c> (an owner id of <c>/crm/v3/owners</c>).</summary>
public static class HubSpotMapper
{
    public const string OwnerProperty = "hubspot_owner_id";

    /// <summary>Generic-webhook object type ids (HubSpot's object type id table).</summary>
    public const string DealTypeId = "0-3";
    public const string MeetingTypeId = "0-47";
    public const string CallTypeId = "0-48";

    public static IReadOnlyList<string> CallProperties { get; } = ["hs_call_status", "hs_timestamp", OwnerProperty];

    public static IReadOnlyList<string> MeetingProperties { get; } =
        ["hs_meeting_outcome", "hs_createdate", "hs_meeting_start_time", OwnerProperty];

    public static IReadOnlyList<string> DealProperties { get; } = ["hs_is_closed_won", "closedate", "amount", OwnerProperty];

    /// <summary>The CRM v3 path segment: <c>calls</c>, <c>meetings</c>, <c>deals</c>.</summary>
    public static string PathOf(HubSpotObjectType type) => type switch
    {
        HubSpotObjectType.Call => "calls",
        HubSpotObjectType.Meeting => "meetings",
        _ => "deals",
    };

    public static IReadOnlyList<string> PropertiesOf(HubSpotObjectType type) => type switch
    {
        HubSpotObjectType.Call => CallProperties,
        HubSpotObjectType.Meeting => MeetingProperties,
        _ => DealProperties,
    };

    /// <summary>The notifications of a webhook body (a JSON array; a single object is taken as one).</summary>
    public static IReadOnlyList<HubSpotWebhookEvent> ParseNotifications(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read())
        {
            throw new JsonException("The body is empty.");
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var one = JsonSerializer.Deserialize(body, ConnectorsJsonContext.Default.HubSpotWebhookEvent);
            return one is null ? [] : [one];
        }

        return JsonSerializer.Deserialize(body, ConnectorsJsonContext.Default.ListHubSpotWebhookEvent) ?? [];
    }

    /// <summary>The object type a notification is about, or null for types the connector does not read.</summary>
    public static HubSpotObjectType? TypeOf(HubSpotWebhookEvent e)
    {
        var type = e.Type;
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var dot = type.IndexOf('.', StringComparison.Ordinal);
        var prefix = dot < 0 ? type : type[..dot];
        return prefix.ToLowerInvariant() switch
        {
            "deal" => HubSpotObjectType.Deal,
            "call" => HubSpotObjectType.Call,
            "meeting" => HubSpotObjectType.Meeting,
            "object" => e.ObjectTypeId switch
            {
                DealTypeId => HubSpotObjectType.Deal,
                CallTypeId => HubSpotObjectType.Call,
                MeetingTypeId => HubSpotObjectType.Meeting,
                _ => null,
            },
            _ => null,
        };
    }

    /// <summary>The records a batch of notifications names, each once; a record whose latest notification (by
    /// <c>occurredAt</c>, then order) is a deletion is marked deleted.</summary>
    public static IReadOnlyList<HubSpotObjectRef> Plan(IEnumerable<HubSpotWebhookEvent> notifications)
    {
        var latest = new Dictionary<(HubSpotObjectType, string), (long At, bool Deleted)>();
        var order = new List<(HubSpotObjectType, string)>();
        foreach (var e in notifications)
        {
            if (TypeOf(e) is not { } type || string.IsNullOrWhiteSpace(e.ObjectId))
            {
                continue;
            }

            var key = (type, e.ObjectId.Trim());
            var at = e.OccurredAt ?? 0;
            var deleted = e.Type!.EndsWith(".deletion", StringComparison.OrdinalIgnoreCase);
            if (!latest.TryGetValue(key, out var seen))
            {
                order.Add(key);
                latest[key] = (at, deleted);
            }
            else if (at >= seen.At)
            {
                latest[key] = (at, deleted);
            }
        }

        return order.Select(k => new HubSpotObjectRef(k.Item1, k.Item2, latest[k].Deleted)).ToList();
    }

    /// <summary>The owners of <c>/crm/v3/owners</c> as vendor users (owner id → e-mail).</summary>
    public static VendorUsers Owners(IEnumerable<HubSpotOwner> owners) =>
        new(owners.Select(o => new VendorUser(o.Id, string.IsNullOrWhiteSpace(o.Email) ? null : o.Email.Trim())));

    /// <summary>The kinds a deleted record no longer counts as.</summary>
    public static IReadOnlyList<KindObservation> Deleted(HubSpotObjectRef record) =>
        KindsOf(record.Type).Select(k => KindObservation.Voids(ConnectorNames.HubSpot, k, record.ObjectId)).ToList();

    public static IReadOnlyList<string> KindsOf(HubSpotObjectType type) => type switch
    {
        HubSpotObjectType.Call => [ActivityKinds.Call],
        HubSpotObjectType.Meeting => [ActivityKinds.MeetingBooked, ActivityKinds.MeetingHeld],
        _ => [ActivityKinds.DealWon],
    };

    public static IReadOnlyList<KindObservation> Map(HubSpotObjectType type, HubSpotObject record, VendorUsers owners) => type switch
    {
        HubSpotObjectType.Call => MapCall(record, owners),
        HubSpotObjectType.Meeting => MapMeeting(record, owners),
        _ => MapDeal(record, owners),
    };

    public static IReadOnlyList<KindObservation> MapCall(HubSpotObject call, VendorUsers owners)
    {
        var owner = owners.Find(call.Property(OwnerProperty));
        var at = VendorTime.Parse(call.Property("hs_timestamp"));
        var completed = !call.Archived && Is(call.Property("hs_call_status"), "COMPLETED");
        return [Observe(ActivityKinds.Call, call.Id, completed, owner, at)];
    }

    public static IReadOnlyList<KindObservation> MapMeeting(HubSpotObject meeting, VendorUsers owners)
    {
        var owner = owners.Find(meeting.Property(OwnerProperty));
        var outcome = meeting.Property("hs_meeting_outcome");
        var booked = VendorTime.Parse(meeting.Property("hs_createdate")) ?? VendorTime.Parse(meeting.CreatedAt);
        var start = VendorTime.Parse(meeting.Property("hs_meeting_start_time"));
        return
        [
            Observe(ActivityKinds.MeetingBooked, meeting.Id, !meeting.Archived && !Is(outcome, "CANCELED"), owner, booked),
            Observe(ActivityKinds.MeetingHeld, meeting.Id, !meeting.Archived && Is(outcome, "COMPLETED"), owner, start),
        ];
    }

    public static IReadOnlyList<KindObservation> MapDeal(HubSpotObject deal, VendorUsers owners)
    {
        var owner = owners.Find(deal.Property(OwnerProperty));
        var won = !deal.Archived && Is(deal.Property("hs_is_closed_won"), "true");
        var at = VendorTime.Parse(deal.Property("closedate"));
        double? amount = double.TryParse(deal.Property("amount"), NumberStyles.Float, CultureInfo.InvariantCulture, out var a) ? a : null;
        return [Observe(ActivityKinds.DealWon, deal.Id, won, owner, at, amount)];
    }

    /// <summary>The search body of the periodic sync: records of <paramref name="type"/> modified at or after
    /// <paramref name="since"/>, oldest first (the cursor is the last <c>hs_lastmodifieddate</c> read).</summary>
    public static HubSpotSearchRequest SyncSearch(HubSpotObjectType type, DateTimeOffset since, string? after = null, int limit = 100) => new()
    {
        FilterGroups =
        [
            new HubSpotFilterGroup
            {
                Filters =
                [
                    new HubSpotFilter
                    {
                        PropertyName = "hs_lastmodifieddate",
                        Operator = "GTE",
                        Value = since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    },
                ],
            },
        ],
        Sorts = ["hs_lastmodifieddate"],
        Properties = [.. PropertiesOf(type), "hs_lastmodifieddate"],
        Limit = limit,
        After = after,
    };

    private static KindObservation Observe(string kind, string id, bool qualifies, VendorUser? owner, DateTimeOffset? at, double? value = null) =>
        qualifies && at is not null
            ? KindObservation.Counts(ConnectorNames.HubSpot, kind, id, owner, at.Value, value)
            : KindObservation.Voids(ConnectorNames.HubSpot, kind, id, owner);

    private static bool Is(string? value, string expected) => string.Equals(value?.Trim(), expected, StringComparison.OrdinalIgnoreCase);
}
