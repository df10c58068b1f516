using System.Net;
using System.Net.Http.Json;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Coaching;

/// <summary>The 1:1 log: notes are validated, kept across restarts, and show whether coaching worked.</summary>
public sealed class CoachingNoteTests
{
    public static TheoryData<string, string> BadNotes => new()
    {
        { """{"focusMetric":"call","discussed":"x","minutes":30,"heldOn":"18.11.2026"}""", "heldOn" },
        { """{"focusMetric":"call","discussed":"x","minutes":30,"heldOn":"2099-01-01"}""", "heldOn" },
        { """{"focusMetric":"email","discussed":"x","minutes":30}""", "focusMetric" },
        { """{"focusMetric":"call","discussed":"","minutes":30}""", "discussed" },
        { """{"focusMetric":"call","discussed":"x","minutes":0}""", "minutes" },
        { """{"focusMetric":"call","discussed":"x","minutes":30,"heldOn":"2026-11-18","actions":[{"text":"call list","followUp":"2026-11-01"}]}""", "actions[0].followUp" },
        { """{"focusMetric":"call","discussed":"x","minutes":30,"actions":[{"text":""}]}""", "actions[0].text" },
    };

    [Theory]
    [MemberData(nameof(BadNotes))]
    public async Task A_bad_note_is_a_400_naming_the_field_and_nothing_is_saved(string body, string field)
    {
        using var app = new SalesCoachApp();

        var response = await app.Client(SalesCoachApp.AdminKey).PostAsync("/api/reps/ben/coaching-notes", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
        var notes = await Json.ReadAsync(await app.Client(SalesCoachApp.AdminKey).GetAsync("/api/reps/ben/coaching-notes"));
        Assert.Equal(0, notes.GetArrayLength());
    }

    [Fact]
    public async Task A_note_survives_a_restart_and_shows_pace_before_and_after_the_one_to_one()
    {
        string dataDirectory;
        using (var app = new SalesCoachApp())
        {
            dataDirectory = app.DataDirectory;
            // Before the 1:1 of Wed 2026-11-18: 36 calls a day (60% of 60); after it: 54 a day (90%).
            var activities = new[] { 13, 16, 17 }.Select(d => TestActivity.Of("anna", "call", $"2026-11-{d}T11:00:00+01:00", quantity: 36))
                .Concat(new[] { 19, 20, 23 }.Select(d => TestActivity.Of("anna", "call", $"2026-11-{d}T11:00:00+01:00", quantity: 54)));
            Assert.Equal(HttpStatusCode.Accepted, (await app.PostAsync(activities.ToList())).StatusCode);
            var created = await app.Client(SalesCoachApp.AdminKey).PostAsJsonAsync("/api/reps/anna/coaching-notes", new
            {
                heldOn = "2026-11-18",
                focusMetric = "call",
                discussed = "Call blocks in the morning; the list is ready the evening before.",
                actions = new[] { new { text = "Two 45-minute call blocks a day", followUp = "2026-11-25" } },
                minutes = 45,
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var restarted = new SalesCoachApp(dataDirectory);
        var notes = await Json.ReadAsync(await restarted.Client(SalesCoachApp.AdminKey).GetAsync("/api/reps/anna/coaching-notes"));

        var note = Assert.Single(notes.EnumerateArray());
        Assert.Equal("2026-11-18", note.GetProperty("heldOn").GetString());
        Assert.Equal("2026-11-25", note.GetProperty("actions")[0].GetProperty("followUp").GetString());
        Assert.Equal("Calls pace 60% → 90% in the 3 working days after the 1:1", note.GetProperty("effect").GetProperty("summary").GetString());
        var time = await Json.ReadAsync(await restarted.Client(SalesCoachApp.AdminKey).GetAsync("/api/teams/alpha/coaching-time?month=2026-11"));
        var anna = time.GetProperty("reps").EnumerateArray().Single(r => r.GetProperty("repId").GetString() == "anna");
        Assert.Equal(45, anna.GetProperty("minutes").GetInt32());
        Assert.Equal(135, anna.GetProperty("minutesShort").GetInt32());
    }

    [Fact]
    public async Task Notes_are_private_to_admins_and_managers_not_read_keys()
    {
        using var app = new SalesCoachApp();

        var response = await app.Client(SalesCoachApp.ReadKey).GetAsync("/api/reps/anna/coaching-notes");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
