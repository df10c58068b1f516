using System.Text.Json;
using SalesCoach.Live.Connectors.Json;
using SalesCoach.Live.Connectors.Mapping;

namespace SalesCoach.Live.Connectors.Aircall;

/// <summary>Aircall webhook events → kind observations (connectors-v1.md section 3): <c>call.ended</c> with
/// <c>data.answered_at</c> set counts a <c>call</c> at <c>data.ended_at</c> (Unix seconds) for <c>data.user</c>; missed
/// and unanswered calls do not count (and void a call counted before). A tag named in <c>MeetingTags</c> on the call
/// (<c>call.tagged</c>, <c>call.untagged</c> or the <c>call.ended</c> call's <c>tags</c>) counts a <c>meetingBooked</c>, at the
/// event's time for a tag event and at <c>ended_at</c> for <c>call.ended</c>. Aircall's record id is the call id.</summary>
public static class AircallMapper
{
    public const string CallEnded = "call.ended";
    public const string CallTagged = "call.tagged";
    public const string CallUntagged = "call.untagged";

    public static AircallWebhookEvent? Parse(ReadOnlySpan<byte> body) =>
        JsonSerializer.Deserialize(body, ConnectorsJsonContext.Default.AircallWebhookEvent);

    /// <summary>The call of a <c>call.*</c> event, else null.</summary>
    public static AircallCall? CallOf(AircallWebhookEvent e) =>
        string.Equals(e.Resource, "call", StringComparison.OrdinalIgnoreCase) && e.Data.ValueKind == JsonValueKind.Object
            ? e.Data.Deserialize(ConnectorsJsonContext.Default.AircallCall)
            : null;

    public static IReadOnlyList<KindObservation> Map(AircallWebhookEvent e, IReadOnlyCollection<string> meetingTags)
    {
        var call = CallOf(e);
        if (call?.Id is null)
        {
            return [];
        }

        var owner = VendorUser.Of(call.User?.Id, call.User?.Email);
        var observations = new List<KindObservation>();
        var name = e.Event?.Trim().ToLowerInvariant();
        if (name == CallEnded)
        {
            var answered = call.AnsweredAt is > 0 && string.IsNullOrEmpty(call.MissedCallReason);
            var endedAt = VendorTime.FromUnixSeconds(call.EndedAt);
            observations.Add(answered && endedAt is not null
                ? KindObservation.Counts(ConnectorNames.Aircall, ActivityKinds.Call, call.Id, owner, endedAt.Value)
                : KindObservation.Voids(ConnectorNames.Aircall, ActivityKinds.Call, call.Id, owner));
        }

        if (name is CallEnded or CallTagged or CallUntagged && meetingTags.Count > 0)
        {
            var tagged = call.Tags?.Any(t => meetingTags.Any(m => string.Equals(m.Trim(), t.Name?.Trim(), StringComparison.OrdinalIgnoreCase))) == true;
            var at = name == CallEnded
                ? VendorTime.FromUnixSeconds(call.EndedAt) ?? VendorTime.FromUnixSeconds(e.Timestamp)
                : VendorTime.FromUnixSeconds(e.Timestamp) ?? VendorTime.FromUnixSeconds(call.EndedAt);
            observations.Add(tagged && at is not null
                ? KindObservation.Counts(ConnectorNames.Aircall, ActivityKinds.MeetingBooked, call.Id, owner, at.Value)
                : KindObservation.Voids(ConnectorNames.Aircall, ActivityKinds.MeetingBooked, call.Id, owner));
        }

        return observations;
    }
}
