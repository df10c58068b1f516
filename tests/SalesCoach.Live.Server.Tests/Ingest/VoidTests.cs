using System.Net;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Ingest;

/// <summary>Corrections: a voided activity stops counting everywhere, and history keeps both it and its void.</summary>
public sealed class VoidTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly SalesCoachApp _app = fixture.App;

    [Fact]
    public async Task A_void_recomputes_the_board_and_the_audit_shows_the_activity_and_its_void()
    {
        await _app.PostAsync(new[]
        {
            TestActivity.Of("anna", "call", "2026-02-02T10:00:00+01:00", quantity: 5, id: "void-me"),
            TestActivity.Of("anna", "call", "2026-02-02T10:30:00+01:00", quantity: 2, id: "keep-me"),
        });

        var voided = await _app.Client(SalesCoachApp.IngestKey).DeleteAsync("/api/activities/void-me");

        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        Assert.False((await Json.ReadAsync(voided)).GetProperty("alreadyVoided").GetBoolean());
        Assert.Equal(2, await CallsAsync("alpha", "anna", "2026-02-02T12:00:00+01:00"));
        var audit = await Json.ReadAsync(await _app.Client(SalesCoachApp.ReadKey).GetAsync(
            "/api/reps/anna/audit?from=2026-02-02T00:00:00%2B01:00&to=2026-02-02T23:59:00%2B01:00"));
        var entries = audit.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["activity", "void", "activity"], entries.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("void-me", entries[1].GetProperty("voids").GetString());
        Assert.Equal(-5, entries[1].GetProperty("points").GetInt32());
        Assert.Equal(2, audit.GetProperty("points").GetInt32());
    }

    [Fact]
    public async Task A_live_board_recomputes_after_a_void_and_voiding_twice_counts_once()
    {
        var before = await CallsAsync("live", "leo", null);
        await _app.PostAsync(TestActivity.Of("leo", "call", DateTimeOffset.UtcNow.AddMinutes(-2), quantity: 3, id: "void-live"));
        Assert.Equal(before + 3, await CallsAsync("live", "leo", null));

        var first = await Json.ReadAsync(await _app.Client(SalesCoachApp.IngestKey).DeleteAsync("/api/activities/void-live"));
        var second = await Json.ReadAsync(await _app.Client(SalesCoachApp.IngestKey).DeleteAsync("/api/activities/void-live"));

        Assert.False(first.GetProperty("alreadyVoided").GetBoolean());
        Assert.True(second.GetProperty("alreadyVoided").GetBoolean());
        Assert.Equal(before, await CallsAsync("live", "leo", null));
    }

    [Theory]
    [InlineData("/api/activities/never-seen", HttpStatusCode.NotFound)]
    [InlineData("/api/activities/void:keep-me", HttpStatusCode.BadRequest)]
    public async Task Unknown_ids_and_corrections_cannot_be_voided(string path, HttpStatusCode expected)
    {
        var response = await _app.Client(SalesCoachApp.IngestKey).DeleteAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ingest_refuses_ids_with_the_reserved_void_prefix()
    {
        var response = await _app.PostAsync(new[] { TestActivity.Of("anna", "call", "2026-02-03T10:00:00+01:00", id: "void:mine") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty("[0].id", out _));
    }

    [Fact]
    public async Task Voiding_needs_an_ingest_key()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Client(SalesCoachApp.ReadKey).DeleteAsync("/api/activities/keep-me")).StatusCode);
    }

    private async Task<double> CallsAsync(string team, string rep, string? at)
    {
        var path = at is null ? $"/api/teams/{team}/board" : $"/api/teams/{team}/board?at={Uri.EscapeDataString(at)}";
        var board = await Json.ReadAsync(await _app.Client(SalesCoachApp.ReadKey).GetAsync(path));
        return Json.Row(board, rep).GetProperty("metrics").GetProperty("call").GetProperty("actual").GetDouble();
    }
}
