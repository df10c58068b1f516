using System.Text.Json;
using SalesCoach.Live.Connectors.Json;
using SalesCoach.Live.Connectors.Mapping;

namespace SalesCoach.Live.Connectors.Pipedrive;

/// <summary>Pipedrive webhooks v2 and API records → kind observations (connectors-v1.md section 3). Activities: a
/// type mapped to <c>call</c> counts a <c>call</c> when <c>done</c>, at its done time (<c>marked_as_done_time</c>, else
/// <c>update_time</c>); a type mapped to meetings counts a <c>meetingBooked</c> when it exists (at <c>add_time</c>) and a
/// <c>meetingHeld</c> when <c>done</c> (at its start, <c>due_date</c> + <c>due_time</c>, else its done time). Deals:
/// <c>status</c> <c>won</c> counts a <c>dealWon</c> at <c>won_time</c> with <c>value</c>. The owner is <c>owner_id</c>
/// (or <c>user_id</c>), its e-mail from <c>/v1/users</c>.</summary>
public static class PipedriveMapper
{
    /// <summary>A value of <c>ActivityTypes:{type}</c> that stands for both meeting kinds.</summary>
    public const string Meeting = "meeting";

    public static PipedriveWebhook? Parse(ReadOnlySpan<byte> body) =>
        JsonSerializer.Deserialize(body, ConnectorsJsonContext.Default.PipedriveWebhook);

    public static VendorUsers Users(IEnumerable<PipedriveUser> users) =>
        new(users.Where(u => u.Id is not null).Select(u => new VendorUser(u.Id, string.IsNullOrWhiteSpace(u.Email) ? null : u.Email.Trim())));

    /// <summary>The kinds an activity type counts as: <c>ActivityTypes:{type}</c> when configured (empty: none), else
    /// <c>call</c> → call and <c>meeting</c> → both meeting kinds.</summary>
    public static IReadOnlyList<string> KindsOfType(string? type, IReadOnlyDictionary<string, string?>? activityTypes)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return [];
        }

        string? configured = null;
        var found = false;
        foreach (var (key, value) in activityTypes ?? new Dictionary<string, string?>())
        {
            if (string.Equals(key.Trim(), type.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                configured = value;
                found = true;
                break;
            }
        }

        var target = found ? configured?.Trim() : type.Trim();
        if (string.IsNullOrEmpty(target))
        {
            return [];
        }

        if (string.Equals(target, Meeting, StringComparison.OrdinalIgnoreCase))
        {
            return [ActivityKinds.MeetingBooked, ActivityKinds.MeetingHeld];
        }

        return ActivityKinds.Normalize(target) is { } kind && kind != ActivityKinds.DealWon ? [kind] : [];
    }

    /// <summary>The observations of one webhooks v2 notification about an activity or a deal (others give none).</summary>
    public static IReadOnlyList<KindObservation> Map(PipedriveWebhook webhook, IReadOnlyDictionary<string, string?>? activityTypes, VendorUsers users)
    {
        var meta = webhook.Meta;
        if (meta is null)
        {
            return [];
        }

        var deleted = string.Equals(meta.Action, "delete", StringComparison.OrdinalIgnoreCase)
            || string.Equals(meta.Action, "deleted", StringComparison.OrdinalIgnoreCase);
        var record = webhook.Data.ValueKind == JsonValueKind.Object ? webhook.Data
            : webhook.Previous.ValueKind == JsonValueKind.Object ? webhook.Previous
            : default;

        switch ((meta.Entity ?? meta.Object)?.Trim().ToLowerInvariant())
        {
            case "activity":
                var activity = record.ValueKind == JsonValueKind.Object
                    ? record.Deserialize(ConnectorsJsonContext.Default.PipedriveActivity)
                    : null;
                activity ??= new PipedriveActivity();
                activity = activity with { Id = activity.Id ?? meta.EntityId };
                if (activity.Id is null)
                {
                    return [];
                }

                if (deleted && activity.Type is null)
                {
                    return [.. new[] { ActivityKinds.Call, ActivityKinds.MeetingBooked, ActivityKinds.MeetingHeld }
                        .Select(k => KindObservation.Voids(ConnectorNames.Pipedrive, k, activity.Id))];
                }

                var observations = MapActivity(activity, activityTypes, users, deleted);
                var before = !deleted && webhook.Previous.ValueKind == JsonValueKind.Object
                    ? webhook.Previous.Deserialize(ConnectorsJsonContext.Default.PipedriveActivity)
                    : null;
                if (before?.Type is null || string.Equals(before.Type, activity.Type, StringComparison.OrdinalIgnoreCase))
                {
                    return observations;
                }

                // The type changed (a call turned into an email): what the old type counted as no longer holds.
                var kept = KindsOfType(activity.Type, activityTypes);
                return
                [
                    .. observations,
                    .. KindsOfType(before.Type, activityTypes).Where(k => !kept.Contains(k))
                        .Select(k => KindObservation.Voids(ConnectorNames.Pipedrive, k, activity.Id, users.Find(activity.Owner))),
                ];
            case "deal":
                var deal = record.ValueKind == JsonValueKind.Object
                    ? record.Deserialize(ConnectorsJsonContext.Default.PipedriveDeal)
                    : null;
                deal ??= new PipedriveDeal();
                deal = deal with { Id = deal.Id ?? meta.EntityId };
                return deal.Id is null ? [] : MapDeal(deal, users, deleted);
            default:
                return [];
        }
    }

    public static IReadOnlyList<KindObservation> MapActivity(
        PipedriveActivity activity,
        IReadOnlyDictionary<string, string?>? activityTypes,
        VendorUsers users,
        bool deleted = false)
    {
        if (activity.Id is null)
        {
            return [];
        }

        var owner = users.Find(activity.Owner);
        var gone = deleted || activity.IsDeleted == true || activity.ActiveFlag == false;
        var done = !gone && activity.Done == true;
        var doneAt = VendorTime.Parse(activity.MarkedAsDoneTime) ?? VendorTime.Parse(activity.UpdateTime);
        var observations = new List<KindObservation>();
        foreach (var kind in KindsOfType(activity.Type, activityTypes))
        {
            var (qualifies, at) = kind switch
            {
                ActivityKinds.Call => (done, doneAt),
                ActivityKinds.MeetingBooked => (!gone, VendorTime.Parse(activity.AddTime)),
                _ => (done, VendorTime.FromDateAndTime(activity.DueDate, activity.DueTime) ?? doneAt),
            };
            observations.Add(qualifies && at is not null
                ? KindObservation.Counts(ConnectorNames.Pipedrive, kind, activity.Id, owner, at.Value)
                : KindObservation.Voids(ConnectorNames.Pipedrive, kind, activity.Id, owner));
        }

        return observations;
    }

    public static IReadOnlyList<KindObservation> MapDeal(PipedriveDeal deal, VendorUsers users, bool deleted = false)
    {
        if (deal.Id is null)
        {
            return [];
        }

        var owner = users.Find(deal.Owner);
        var won = !deleted && deal.IsDeleted != true && string.Equals(deal.Status?.Trim(), "won", StringComparison.OrdinalIgnoreCase);
        var at = VendorTime.Parse(deal.WonTime) ?? VendorTime.Parse(deal.CloseTime);
        return
        [
            won && at is not null
                ? KindObservation.Counts(ConnectorNames.Pipedrive, ActivityKinds.DealWon, deal.Id, owner, at.Value, deal.Value)
                : KindObservation.Voids(ConnectorNames.Pipedrive, ActivityKinds.DealWon, deal.Id, owner),
        ];
    }
}
