using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Coaching;

/// <summary>The coaching queue of contract section 7 over HTTP.</summary>
public sealed class CoachingEndpointTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly SalesCoachApp _app = fixture.App;

    [Fact]
    public async Task The_queue_as_of_an_instant_lists_who_needs_coaching_with_reasons_and_praise_last()
    {
        // Thursday 2026-11-19, 10:30 in Berlin. The week's meeting goal (8) is 64% gone: 5.1 expected.
        // Anna: 10 meetings (196% of pace): recognition. Ben: no meeting all week, and no activity since 09:30.
        await _app.PostAsync(new[]
        {
            TestActivity.Of("anna", "call", "2026-11-19T09:10:00+01:00", quantity: 30, id: "coach-anna-calls"),
            TestActivity.Of("anna", "meeting", "2026-11-19T10:20:00+01:00", quantity: 10, id: "coach-anna-meetings"),
            TestActivity.Of("ben", "call", "2026-11-19T09:30:00+01:00", quantity: 15, id: "coach-ben-calls"),
        });

        var queue = await GetJsonAsync("/api/teams/alpha/coaching?at=2026-11-19T10:30:00%2B01:00");

        var items = queue.EnumerateArray().ToList();
        Assert.Equal(["ben", "anna"], items.Select(i => i.GetProperty("repId").GetString()));
        var ben = items[0];
        Assert.InRange(ben.GetProperty("priority").GetInt32(), 21, 100);
        var codes = ben.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("behindPace", codes);
        Assert.Contains("idle", codes);
        Assert.All(ben.GetProperty("reasons").EnumerateArray(), r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("text").GetString())));
        Assert.False(string.IsNullOrEmpty(ben.GetProperty("focusMetric").GetString()));
        var anna = items[1];
        Assert.Equal("readyForRecognition", Assert.Single(anna.GetProperty("reasons").EnumerateArray()).GetProperty("code").GetString());
        Assert.InRange(anna.GetProperty("priority").GetInt32(), 0, 20);
    }

    [Fact]
    public async Task The_live_queue_is_a_json_array()
    {
        var queue = await GetJsonAsync("/api/teams/live/coaching");

        Assert.Equal(JsonValueKind.Array, queue.ValueKind);
    }

    [Fact]
    public async Task An_unknown_team_is_404_and_a_bad_at_is_400()
    {
        var client = _app.Client(SalesCoachApp.ReadKey);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/teams/nope/coaching")).StatusCode);
        var bad = await client.GetAsync("/api/teams/alpha/coaching?at=soon");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await Json.ReadAsync(bad)).GetProperty("errors").TryGetProperty("at", out _));
    }

    [Fact]
    public async Task Acknowledging_needs_an_admin_key_and_a_rep_in_the_queue()
    {
        var asReader = await _app.Client(SalesCoachApp.ReadKey).PostAsJsonAsync("/api/teams/alpha/coaching/anna/acknowledge", new { });
        var wrongTeam = await _app.Client(SalesCoachApp.AdminKey).PostAsJsonAsync("/api/teams/live/coaching/anna/acknowledge", new { });
        var badSnooze = await _app.Client(SalesCoachApp.AdminKey).PostAsJsonAsync("/api/teams/alpha/coaching/anna/acknowledge", new { snoozeMinutes = 0 });

        Assert.Equal(HttpStatusCode.Unauthorized, asReader.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongTeam.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSnooze.StatusCode);
        Assert.True((await Json.ReadAsync(badSnooze)).GetProperty("errors").TryGetProperty("snoozeMinutes", out _));
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await _app.Client(SalesCoachApp.ReadKey).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync(response);
    }
}
