using SalesCoach.Live.Connectors.Aircall;
using SalesCoach.Live.Connectors.Mapping;

namespace SalesCoach.Live.Connectors.Tests.Vendors;

public sealed class AircallMappingTests
{
    private static readonly string[] MeetingTags = ["Meeting booked"];
    private static readonly VendorUser Anna = new("456", "anna.berg@example.com");

    private static AircallWebhookEvent Saved(string file) => AircallMapper.Parse(Payloads.Bytes("Aircall", file))!;

    private static IReadOnlyList<KindObservation> Map(string body, params string[] tags) =>
        AircallMapper.Map(AircallMapper.Parse(System.Text.Encoding.UTF8.GetBytes(body))!, tags);

    [Fact]
    public void An_answered_call_counts_at_ended_at_for_its_user()
    {
        var o = Assert.Single(AircallMapper.Map(Saved("call-ended-answered.json"), []));
        Assert.Equal(KindObservation.Counts("Aircall", "call", "812", Anna, DateTimeOffset.FromUnixTimeSeconds(1764926401)), o);
        Assert.Equal("aircall:call:812", o.ActivityId);
    }

    [Fact]
    public void A_missed_call_does_not_count_and_has_no_meeting()
    {
        var observations = AircallMapper.Map(Saved("call-ended-missed.json"), MeetingTags);
        Assert.Equal(["aircall:call:813 False", "aircall:meetingbooked:813 False"], observations.Select(o => $"{o.ActivityId} {o.Qualifies}"));
    }

    [Fact]
    public void A_meeting_tag_counts_a_meeting_booked_at_the_tag_event()
    {
        var o = Assert.Single(AircallMapper.Map(Saved("call-tagged.json"), MeetingTags));
        Assert.Equal(KindObservation.Counts("Aircall", "meetingBooked", "812", Anna, DateTimeOffset.FromUnixTimeSeconds(1764926500)), o);
    }

    [Fact]
    public void Without_MeetingTags_tags_count_nothing() =>
        Assert.Empty(AircallMapper.Map(Saved("call-tagged.json"), []));

    public static TheoryData<string, string, string[], string[]> Cases() => new()
    {
        {
            "answered, ended",
            """{"resource":"call","event":"call.ended","timestamp":100,"data":{"id":1,"answered_at":50,"ended_at":90,"user":{"id":2,"email":"a@x"}}}""",
            [], ["aircall:call:1 True 90"]
        },
        {
            "never answered (answered_at null)",
            """{"resource":"call","event":"call.ended","timestamp":100,"data":{"id":1,"answered_at":null,"ended_at":90}}""",
            [], ["aircall:call:1 False"]
        },
        {
            "a missed_call_reason even with answered_at (voicemail after IVR)",
            """{"resource":"call","event":"call.ended","timestamp":100,"data":{"id":1,"answered_at":50,"ended_at":90,"missed_call_reason":"short_abandoned"}}""",
            [], ["aircall:call:1 False"]
        },
        {
            "answered, ended, with a meeting tag in another case: call and meeting at ended_at",
            """{"resource":"call","event":"call.ended","timestamp":100,"data":{"id":1,"answered_at":50,"ended_at":90,"tags":[{"id":1,"name":"meeting BOOKED "}]}}""",
            ["Meeting booked"], ["aircall:call:1 True 90", "aircall:meetingbooked:1 True 90"]
        },
        {
            "a tag event without a meeting tag voids the meeting",
            """{"resource":"call","event":"call.tagged","timestamp":100,"data":{"id":1,"tags":[{"id":1,"name":"Follow-up"}]}}""",
            ["Meeting booked"], ["aircall:meetingbooked:1 False"]
        },
        {
            "untagged: the tag is gone",
            """{"resource":"call","event":"call.untagged","timestamp":100,"data":{"id":1,"tags":[]}}""",
            ["Meeting booked"], ["aircall:meetingbooked:1 False"]
        },
        {
            "call.created counts nothing",
            """{"resource":"call","event":"call.created","timestamp":100,"data":{"id":1,"started_at":10}}""",
            ["Meeting booked"], []
        },
        {
            "call.answered counts nothing (call.ended does)",
            """{"resource":"call","event":"call.answered","timestamp":100,"data":{"id":1,"answered_at":50}}""",
            [], []
        },
        {
            "another resource counts nothing",
            """{"resource":"user","event":"user.created","timestamp":100,"data":{"id":"not a call","email":"a@x"}}""",
            ["Meeting booked"], []
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Events(string because, string body, string[] tags, string[] expected) =>
        Assert.True(
            expected.SequenceEqual(Map(body, tags).Select(o => $"{o.ActivityId} {o.Qualifies}{(o.OccurredAt is { } at ? " " + at.ToUnixTimeSeconds() : "")}")),
            because);
}
