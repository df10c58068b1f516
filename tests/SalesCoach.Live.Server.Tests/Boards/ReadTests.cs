using System.Net;
using System.Text.Json;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Boards;

/// <summary>The reads of contract section 5, checked against the contract's own worked example.</summary>
public sealed class ReadTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    // Thursday 2026-11-19, 10:30 in Berlin: 1.5 of 8 working hours gone (fraction 0.1875), 6.5 left.
    private const string At = "2026-11-19T10:30:00+01:00";

    private readonly SalesCoachApp _app = fixture.App;

    [Fact]
    public async Task The_board_as_of_an_instant_matches_the_contract_example()
    {
        await SeedContractExampleAsync();

        var board = await GetJsonAsync($"/api/teams/alpha/board?at={Uri.EscapeDataString(At)}");

        Assert.Equal("alpha", board.GetProperty("teamId").GetString());
        Assert.Equal("2026-11-19T10:30:00+01:00", board.GetProperty("asOf").GetString());
        var anna = Json.Row(board, "anna");
        Assert.Equal(1, anna.GetProperty("rank").GetInt32());
        Assert.Equal(130, anna.GetProperty("score").GetInt64()); // 30 calls x 1 + 10 meetings x 10
        AssertFigures(anna.GetProperty("metrics").GetProperty("call"), "day", 30, 60, 11.25, 2.67, 160, 4.62, "ahead");
        var ben = Json.Row(board, "ben");
        Assert.Equal(2, ben.GetProperty("rank").GetInt32());
        AssertFigures(ben.GetProperty("metrics").GetProperty("call"), "day", 15, 40, 7.5, 2, 80, (40 - 15) / 6.5, "ahead");
        AssertFigures(board.GetProperty("team").GetProperty("metrics").GetProperty("call"), "day", 45, 100, 18.75, 2.4, 240, 8.46, "ahead");
    }

    [Fact]
    public async Task A_rep_pace_as_of_an_instant_is_the_rep_board_row()
    {
        await SeedContractExampleAsync();

        var pace = await GetJsonAsync($"/api/reps/anna/pace?at={Uri.EscapeDataString(At)}");

        Assert.Equal("anna", pace.GetProperty("repId").GetString());
        Assert.Equal("alpha", pace.GetProperty("teamId").GetString());
        AssertFigures(pace.GetProperty("metrics").GetProperty("call"), "day", 30, 60, 11.25, 2.67, 160, 4.62, "ahead");
    }

    [Fact]
    public async Task An_unencoded_plus_in_at_is_read_as_the_offset()
    {
        await SeedContractExampleAsync();

        var board = await GetJsonAsync("/api/teams/alpha/board?at=2026-11-19T10:30:00+01:00");

        Assert.Equal(30, Json.Row(board, "anna").GetProperty("metrics").GetProperty("call").GetProperty("actual").GetDouble());
    }

    [Fact]
    public async Task A_metric_with_goals_for_several_periods_lists_the_others_under_periods()
    {
        var board = await GetJsonAsync($"/api/teams/alpha/board?at={Uri.EscapeDataString(At)}");
        var meeting = Json.Row(board, "anna").GetProperty("metrics").GetProperty("meeting");

        Assert.Equal("week", meeting.GetProperty("period").GetString());
        var deal = Json.Row(board, "anna").GetProperty("metrics").GetProperty("deal");
        Assert.Equal("noGoal", deal.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, deal.GetProperty("goal").ValueKind);
    }

    [Fact]
    public async Task The_live_board_answers_with_a_version_and_every_rep()
    {
        var board = await GetJsonAsync("/api/teams/live/board");

        Assert.True(board.GetProperty("version").GetInt64() > 0);
        Assert.Equal(new[] { "lena", "leo", "lia" }, board.GetProperty("reps").EnumerateArray().Select(r => r.GetProperty("repId").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(new[] { 1, 2, 3 }, board.GetProperty("reps").EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()).ToArray());
    }

    [Fact]
    public async Task Teams_are_listed_with_id_and_name()
    {
        var teams = await GetJsonAsync("/api/teams");

        Assert.Contains(teams.EnumerateArray(), t => t.GetProperty("id").GetString() == "alpha" && t.GetProperty("name").GetString() == "Alpha SDR");
        Assert.Equal(3, teams.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/teams/nope/board")]
    [InlineData("/api/reps/nobody/pace")]
    public async Task An_unknown_team_or_rep_is_a_404_problem(string path)
    {
        var response = await _app.Client(SalesCoachApp.ReadKey).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/teams/alpha/board?at=yesterday")]
    [InlineData("/api/reps/anna/pace?at=2026-11-19T10:30:00")]
    public async Task A_bad_at_is_a_400_naming_at(string path)
    {
        var response = await _app.Client(SalesCoachApp.ReadKey).GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("at", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(SalesCoachApp.IngestKey)]
    public async Task Reads_need_a_key_with_scope_read(string? key)
    {
        var response = await _app.Client(key).GetAsync("/api/teams");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_200_without_a_key_when_store_and_silo_answer()
    {
        var response = await _app.Client(null).GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await Json.ReadAsync(response);
        Assert.Equal("ok", health.GetProperty("store").GetString());
        Assert.Equal("ok", health.GetProperty("silo").GetString());
        Assert.Equal("registered", health.GetProperty("relay").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_ingest_and_reads()
    {
        var document = await Json.ReadAsync(await _app.Client(null).GetAsync("/openapi/v1.json"));

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/activities", out _));
        Assert.True(paths.TryGetProperty("/api/teams/{teamId}/board", out _));
        Assert.True(paths.TryGetProperty("/api/reps/{repId}/pace", out _));
    }

    private async Task SeedContractExampleAsync()
    {
        // Fixed ids: seeding again from another test is a no-op, so the counts never double.
        var activities = new List<Dictionary<string, object?>>
        {
            TestActivity.Of("anna", "call", "2026-11-19T09:10:00+01:00", quantity: 30, id: "example-anna-calls"),
            TestActivity.Of("anna", "meeting", "2026-11-19T09:20:00+01:00", quantity: 10, id: "example-anna-meetings"),
            TestActivity.Of("ben", "call", "2026-11-19T09:30:00+01:00", quantity: 15, id: "example-ben-calls"),
            TestActivity.Of("ben", "call", "2026-11-19T10:31:00+01:00", quantity: 5, id: "example-ben-after-at"),
        };
        var response = await _app.PostAsync(activities);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await _app.Client(SalesCoachApp.ReadKey).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync(response);
    }

    private static void AssertFigures(JsonElement f, string period, double actual, double goal, double expected, double paceRatio, double projected, double neededPerHour, string status)
    {
        Assert.Equal(period, f.GetProperty("period").GetString());
        Assert.Equal(actual, f.GetProperty("actual").GetDouble());
        Assert.Equal(goal, f.GetProperty("goal").GetDouble());
        Assert.Equal(expected, f.GetProperty("expected").GetDouble(), 2);
        Assert.Equal(paceRatio, f.GetProperty("paceRatio").GetDouble(), 2);
        Assert.Equal(projected, f.GetProperty("projected").GetDouble(), 2);
        Assert.Equal(neededPerHour, f.GetProperty("neededPerHour").GetDouble(), 2);
        Assert.Equal(status, f.GetProperty("status").GetString());
    }
}
