using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Gamification;

/// <summary>Scorecards, badges, moments and competitions over HTTP; the "live" team works around the clock in UTC.</summary>
public sealed class GamificationEndpointTests
{
    [Fact]
    public async Task The_scorecard_ranks_by_points_or_by_one_metric()
    {
        using var app = new SalesCoachApp();
        var at = DateTimeOffset.UtcNow.AddSeconds(-30);
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostAsync(new[]
        {
            TestActivity.Of("lena", "call", at, quantity: 12),
            TestActivity.Of("leo", "call", at, quantity: 3),
            TestActivity.Of("leo", "meeting", at, quantity: 1),
        })).StatusCode);
        var read = app.Client(SalesCoachApp.ReadKey);

        var points = await Json.ReadAsync(await read.GetAsync("/api/teams/live/scorecard?period=day&by=points"));
        var calls = await Json.ReadAsync(await read.GetAsync("/api/teams/live/scorecard?period=week&by=call"));

        Assert.Equal(["leo", "lena", "lia"], Ids(points)); // 3 + 10 = 13 points against 12
        Assert.Equal(13, points.GetProperty("reps")[0].GetProperty("value").GetDouble());
        Assert.Equal("day", points.GetProperty("period").GetString());
        Assert.Equal(["lena", "leo", "lia"], Ids(calls));
        Assert.Equal("week", calls.GetProperty("period").GetString());
        Assert.Equal(12, calls.GetProperty("reps")[0].GetProperty("counts").GetProperty("call").GetInt64());
        Assert.Equal(5, calls.GetProperty("perRep").GetDouble()); // (12 + 3 + 0) / 3

        var teams = await Json.ReadAsync(await read.GetAsync("/api/scorecard/teams?period=day&by=call"));
        Assert.Equal("live", teams.GetProperty("teams")[0].GetProperty("teamId").GetString());
    }

    [Theory]
    [InlineData("/api/teams/live/scorecard?period=year", "period")]
    [InlineData("/api/teams/live/scorecard?by=email", "by")]
    [InlineData("/api/scorecard/teams?period=hour", "period")]
    public async Task A_bad_query_is_a_400_naming_the_field(string url, string field)
    {
        using var app = new SalesCoachApp();

        var response = await app.Client(SalesCoachApp.ReadKey).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("/api/teams/nowhere/scorecard")]
    [InlineData("/api/teams/nowhere/moments")]
    [InlineData("/api/reps/nobody/badges")]
    [InlineData("/api/competitions/nothing-here")]
    [InlineData("/api/teams/nowhere/competitions")]
    public async Task Unknown_ids_are_404(string url)
    {
        using var app = new SalesCoachApp();

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client(SalesCoachApp.ReadKey).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_goal_met_shows_in_the_moments_and_the_streak()
    {
        using var app = new SalesCoachApp();
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostAsync(new[] { TestActivity.Of("lia", "call", DateTimeOffset.UtcNow.AddSeconds(-30), quantity: 100) })).StatusCode);
        var read = app.Client(SalesCoachApp.ReadKey);

        JsonElement moments = default;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            moments = await Json.ReadAsync(await read.GetAsync("/api/teams/live/moments"));
            if (moments.GetProperty("moments").EnumerateArray().Any(m => m.GetProperty("kind").GetString() == "goal"))
            {
                break;
            }

            await Task.Delay(50);
        }

        var goal = Assert.Single(moments.GetProperty("moments").EnumerateArray(), m => m.GetProperty("kind").GetString() == "goal");
        Assert.Equal("lia", goal.GetProperty("repId").GetString());
        Assert.Equal("Lia Live hit the Calls goal (100)", goal.GetProperty("text").GetString());
        var badges = await Json.ReadAsync(await read.GetAsync("/api/reps/lia/badges"));
        Assert.Equal(1, badges.GetProperty("streak").GetInt32());
        Assert.Equal("live", badges.GetProperty("teamId").GetString());
    }

    public static TheoryData<string, string> BadCompetitions => new()
    {
        { """{"name":"","teamId":"live","participants":["lena","leo"],"start":"2026-01-01T09:00","end":"2099-01-01T09:00"}""", "name" },
        { """{"name":"x","teamId":"nowhere","participants":["lena","leo"],"start":"2026-01-01T09:00","end":"2099-01-01T09:00"}""", "teamId" },
        { """{"name":"x","teamId":"live","participants":["lena"],"start":"2026-01-01T09:00","end":"2099-01-01T09:00"}""", "participants" },
        { """{"name":"x","teamId":"live","participants":["lena","nobody"],"start":"2026-01-01T09:00","end":"2099-01-01T09:00"}""", "participants[1]" },
        { """{"name":"x","teamId":"live","scope":"pairs","participants":["lena","leo"],"start":"2026-01-01T09:00","end":"2099-01-01T09:00"}""", "scope" },
        { """{"name":"x","teamId":"live","participants":["lena","leo"],"by":"email","start":"2026-01-01T09:00","end":"2099-01-01T09:00"}""", "by" },
        { """{"name":"x","teamId":"live","participants":["lena","leo"],"finish":"firstTo","start":"2026-01-01T09:00","end":"2099-01-01T09:00"}""", "target" },
        { """{"name":"x","teamId":"live","participants":["lena","leo"],"start":"soon","end":"2099-01-01T09:00"}""", "start" },
        { """{"name":"x","teamId":"live","participants":["lena","leo"],"start":"2026-01-01T09:00","end":"2026-01-01T08:00"}""", "end" },
        { """{"name":"x","teamId":"live","participants":["lena","leo"],"start":"2020-01-01T09:00","end":"2020-01-02T09:00"}""", "end" },
        { """{"name":"x","teamId":"live","participants":["lena","leo"],"start":"2026-01-01T09:00","end":"2099-01-01T09:00","handicaps":{"ola":2}}""", "handicaps.ola" },
        { """{"name":"x","teamId":"live","participants":["lena","leo"],"start":"2026-01-01T09:00","end":"2099-01-01T09:00","handicaps":{"leo":0}}""", "handicaps.leo" },
    };

    [Theory]
    [MemberData(nameof(BadCompetitions))]
    public async Task A_bad_competition_is_a_400_naming_the_field(string body, string field)
    {
        using var app = new SalesCoachApp();

        var response = await app.Client(SalesCoachApp.AdminKey).PostAsync("/api/competitions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task A_manager_creates_a_competition_and_everyone_reads_its_live_standings()
    {
        using var app = new SalesCoachApp();
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostAsync(new[]
        {
            TestActivity.Of("lena", "call", now.AddMinutes(-1), quantity: 4),
            TestActivity.Of("leo", "call", now.AddMinutes(-1), quantity: 3),
        })).StatusCode);
        var body = new
        {
            id = "friday-calls",
            name = "Friday calls",
            teamId = "live",
            participants = new[] { "lena", "leo" },
            by = "call",
            start = now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), // UTC is the team's zone
            end = now.AddDays(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            handicaps = new Dictionary<string, double> { ["leo"] = 2 },
        };

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(SalesCoachApp.ReadKey).PostAsJsonAsync("/api/competitions", body)).StatusCode);
        var created = await app.Client(SalesCoachApp.AdminKey).PostAsJsonAsync("/api/competitions", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/competitions/friday-calls", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Client(SalesCoachApp.AdminKey).PostAsJsonAsync("/api/competitions", body)).StatusCode);

        var contest = await Json.ReadAsync(await app.Client(SalesCoachApp.ReadKey).GetAsync("/api/competitions/friday-calls"));
        Assert.Equal("running", contest.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, contest.GetProperty("winnerId").ValueKind);
        var standings = contest.GetProperty("standings");
        Assert.Equal("leo", standings[0].GetProperty("id").GetString()); // 3 calls x 2 against 4
        Assert.Equal(6, standings[0].GetProperty("score").GetDouble());
        Assert.Equal(4, standings[1].GetProperty("score").GetDouble());

        var listed = Assert.Single((await Json.ReadAsync(await app.Client(SalesCoachApp.ReadKey).GetAsync("/api/teams/live/competitions"))).EnumerateArray());
        Assert.Equal("friday-calls", listed.GetProperty("id").GetString());
        Assert.Equal("running", listed.GetProperty("status").GetString());
    }

    private static List<string?> Ids(JsonElement card) =>
        [.. card.GetProperty("reps").EnumerateArray().Select(r => r.GetProperty("repId").GetString())];
}
