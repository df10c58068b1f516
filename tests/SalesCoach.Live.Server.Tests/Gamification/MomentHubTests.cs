using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SalesCoach.Live.Server.Tests.Infrastructure;
using SalesCoach.Live.Server.Tests.Wallboard;

namespace SalesCoach.Live.Server.Tests.Gamification;

/// <summary>
/// Moments reach the team's hub subscribers as <c>moment</c> messages; a TV reads the day's moments and the team's
/// contests with <c>GetMoments</c> and <c>GetCompetitions</c>, for its board's teams only.
/// </summary>
public sealed class MomentHubTests
{
    [Fact]
    public async Task A_goal_hit_is_pushed_to_the_team_as_a_moment()
    {
        using var app = new SalesCoachApp();
        await using var client = await LiveClient.ConnectAsync(app);
        var moments = Channel.CreateUnbounded<JsonElement>();
        client.Connection.On<JsonElement>("moment", m => moments.Writer.TryWrite(m));
        await client.SubscribeAsync("live");

        Assert.Equal(HttpStatusCode.Accepted, (await app.PostAsync(new[] { TestActivity.Of("lena", "call", DateTimeOffset.UtcNow.AddSeconds(-20), quantity: 100) })).StatusCode);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        JsonElement moment;
        do
        {
            moment = await moments.Reader.ReadAsync(timeout.Token);
        }
        while (moment.GetProperty("kind").GetString() != "goal");

        Assert.Equal("live", moment.GetProperty("teamId").GetString());
        Assert.Equal("lena", moment.GetProperty("repId").GetString());
        Assert.Equal("Lena Live", moment.GetProperty("name").GetString());
        Assert.Equal("call", moment.GetProperty("detail").GetString());
        Assert.Equal(100, moment.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task A_board_reads_its_teams_moments_and_running_contests_and_no_other_teams()
    {
        using var app = new SalesCoachApp();
        var now = DateTimeOffset.UtcNow;
        using var admin = app.Client(SalesCoachApp.AdminKey);
        var created = await admin.PostAsJsonAsync("/api/competitions", new
        {
            id = "hub-sprint", name = "Hub sprint", teamId = "live", participants = new[] { "lena", "leo" }, by = "call",
            start = now.AddHours(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            end = now.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostAsync(new[] { TestActivity.Of("leo", "call", now.AddSeconds(-20), quantity: 100) })).StatusCode);

        var board = await BoardScreen.CreateBoardAsync(app, "live");
        var (token, _) = await BoardScreen.PairAsync(app, board);
        await using var screen = await BoardScreen.WithTokenAsync(app, token);

        var contests = await screen.Connection.InvokeAsync<JsonElement>("GetCompetitions", "live");
        var contest = Assert.Single(contests.EnumerateArray());
        Assert.Equal("hub-sprint", contest.GetProperty("id").GetString());
        Assert.Equal("running", contest.GetProperty("status").GetString());
        Assert.Equal(["leo", "lena"], contest.GetProperty("standings").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(0, contest.GetProperty("ruleChanges").GetArrayLength());

        var feed = await screen.Connection.InvokeAsync<JsonElement>("GetMoments", "live");
        Assert.Contains(feed.GetProperty("moments").EnumerateArray(), m => m.GetProperty("kind").GetString() == "goal" && m.GetProperty("repId").GetString() == "leo");

        await Assert.ThrowsAsync<HubException>(() => screen.Connection.InvokeAsync<JsonElement>("GetCompetitions", "alpha"));
        await Assert.ThrowsAsync<HubException>(() => screen.Connection.InvokeAsync<JsonElement>("GetMoments", "alpha"));
    }
}
