using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Wallboard;

/// <summary>Pairing a TV, board tokens and their scope, and boards that change while the TV runs, over the real hub.</summary>
public sealed class WallboardHubTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    private readonly SalesCoachApp _app = fixture.App;

    [Fact]
    public async Task A_TV_without_a_token_gets_a_readable_code_and_nothing_else()
    {
        await using var screen = await BoardScreen.WaitingAsync(_app);

        var answer = await screen.Connection.InvokeAsync<System.Text.Json.JsonElement>("StartPairing");

        var code = answer.GetProperty("code").GetString()!;
        Assert.Equal(6, code.Length);
        Assert.All(code, c => Assert.Contains(c, Alphabet));
        Assert.Equal(600, answer.GetProperty("expiresInSeconds").GetInt32());
        var expires = answer.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10.5));
        var error = await Assert.ThrowsAsync<HubException>(() => screen.Connection.InvokeAsync("SubscribeTeam", "live"));
        Assert.Contains("only pair", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => screen.Connection.InvokeAsync<object>("OpenWallboard", (string?)null));
        await Assert.ThrowsAsync<TimeoutException>(() => BoardScreen.Next(screen.Snapshots, 0.5));
    }

    [Fact]
    public async Task A_pairing_connection_with_a_bad_token_is_refused()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.BaseAddress, "/hubs/live?pairing=1"), o => o.AccessTokenProvider = () => Task.FromResult<string?>("wbt_not-a-real-token"))
            .Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task A_TV_that_asks_for_codes_too_often_keeps_the_one_it_has()
    {
        await using var screen = await BoardScreen.WaitingAsync(_app);

        var codes = new List<string>();
        for (var i = 0; i < 14; i++)
        {
            codes.Add(await screen.StartPairingAsync());
        }

        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes.Skip(10), c => Assert.Equal(codes[9], c));
    }

    [Fact]
    public async Task Pairing_hands_the_waiting_TV_a_token_that_opens_its_board()
    {
        var boardId = await BoardScreen.CreateBoardAsync(_app, "live", "alpha");
        await using var waiting = await BoardScreen.WaitingAsync(_app);
        var code = await waiting.StartPairingAsync();
        using var admin = _app.Client(SalesCoachApp.AdminKey);

        // Typed the way a person reads it off the screen.
        var typed = code.ToLowerInvariant().Insert(3, " ");
        var response = await admin.PostAsJsonAsync($"/api/wallboards/{boardId}/pair", new { code = typed, name = "Kitchen TV" });
        var paired = await BoardScreen.Next(waiting.Paired);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await Json.ReadAsync(response);
        Assert.Equal("Kitchen TV", issued.GetProperty("name").GetString());
        Assert.Equal(boardId, paired.GetProperty("boardId").GetString());
        Assert.Equal(issued.GetProperty("tokenId").GetString(), paired.GetProperty("tokenId").GetString());
        var token = paired.GetProperty("token").GetString()!;
        Assert.StartsWith("wbt_", token, StringComparison.Ordinal);
        Assert.DoesNotContain(token, issued.GetRawText(), StringComparison.Ordinal);

        await using var tv = await BoardScreen.WithTokenAsync(_app, token);
        var config = await tv.Connection.InvokeAsync<System.Text.Json.JsonElement>("OpenWallboard", (string?)null);
        Assert.Equal(boardId, config.GetProperty("id").GetString());
        Assert.Equal(["live", "alpha"], config.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
        await tv.Connection.InvokeAsync("SubscribeTeam", "live");
        Assert.Equal("live", (await BoardScreen.Next(tv.Snapshots)).GetProperty("teamId").GetString());

        // The code pairs one screen only.
        var again = await admin.PostAsJsonAsync($"/api/wallboards/{boardId}/pair", new { code });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var tokens = await Json.ReadAsync(await admin.GetAsync($"/api/wallboards/{boardId}/tokens"));
        Assert.Equal(issued.GetProperty("tokenId").GetString(), Assert.Single(tokens.EnumerateArray()).GetProperty("tokenId").GetString());
    }

    [Fact]
    public async Task A_board_token_sees_its_boards_teams_only_and_only_reads()
    {
        var boardId = await BoardScreen.CreateBoardAsync(_app, "live");
        var (token, _) = await BoardScreen.PairAsync(_app, boardId);
        await using var tv = await BoardScreen.WithTokenAsync(_app, token);

        var error = await Assert.ThrowsAsync<HubException>(() => tv.Connection.InvokeAsync("SubscribeTeam", "other"));
        Assert.Contains("other", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => BoardScreen.Next(tv.Snapshots, 0.5));
        await Assert.ThrowsAsync<HubException>(() => tv.Connection.InvokeAsync<object>("OpenWallboard", "someone-elses"));

        using var http = _app.Client(null);
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/teams/live/board")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/reps/lena/pace")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/teams/other/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/reps/ola/pace")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/teams")).StatusCode);
        // What a TV does not show stays closed, of its own team too: the coaching queue is for managers.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/teams/live/coaching")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/wallboards")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/activities", TestActivity.Of("lena", "call", DateTimeOffset.UtcNow))).StatusCode);
    }

    [Fact]
    public async Task A_read_key_opens_a_named_board_and_the_TV_follows_its_changes()
    {
        var boardId = await BoardScreen.CreateBoardAsync(_app, "live");
        await using var tv = await BoardScreen.WithTokenAsync(_app, SalesCoachApp.ReadKey);
        await Assert.ThrowsAsync<HubException>(() => tv.Connection.InvokeAsync<object>("OpenWallboard", (string?)null));
        var config = await tv.Connection.InvokeAsync<System.Text.Json.JsonElement>("OpenWallboard", boardId);
        Assert.Equal(1, config.GetProperty("revision").GetInt64());
        using var admin = _app.Client(SalesCoachApp.AdminKey);

        await admin.PutAsJsonAsync($"/api/wallboards/{boardId}", new { title = "Renamed", teams = new[] { "alpha", "live" }, dwellSeconds = 7, theme = "light" });
        var pushed = await BoardScreen.Next(tv.Configs, 5);

        Assert.Equal(("Renamed", 2L, 7, "light"), (pushed.GetProperty("title").GetString(), pushed.GetProperty("revision").GetInt64(), pushed.GetProperty("dwellSeconds").GetInt32(), pushed.GetProperty("theme").GetString()));
        Assert.Equal(["alpha", "live"], pushed.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task A_team_taken_off_a_board_stops_reaching_its_TVs()
    {
        var boardId = await BoardScreen.CreateBoardAsync(_app, "live", "other");
        var (token, _) = await BoardScreen.PairAsync(_app, boardId);
        await using var tv = await BoardScreen.WithTokenAsync(_app, token);
        await tv.Connection.InvokeAsync<object>("OpenWallboard", (string?)null);
        await tv.Connection.InvokeAsync("SubscribeTeam", "other");
        await BoardScreen.Next(tv.Snapshots);
        using var admin = _app.Client(SalesCoachApp.AdminKey);

        await admin.PutAsJsonAsync($"/api/wallboards/{boardId}", new { title = "x", teams = new[] { "live" } });
        await BoardScreen.Next(tv.Configs, 5);
        while (tv.Deltas.Reader.TryRead(out _))
        {
        }

        await _app.PostAsync(TestActivity.Of("ola", "call", DateTimeOffset.UtcNow.AddSeconds(-10)));
        await Assert.ThrowsAsync<TimeoutException>(() => BoardScreen.Next(tv.Deltas, 1.5));
        await Assert.ThrowsAsync<HubException>(() => tv.Connection.InvokeAsync("SubscribeTeam", "other"));
    }

    [Fact]
    public async Task A_revoked_token_is_told_so_disconnected_and_refused_from_then_on()
    {
        var boardId = await BoardScreen.CreateBoardAsync(_app, "live");
        var (token, tokenId) = await BoardScreen.PairAsync(_app, boardId);
        var (otherToken, _) = await BoardScreen.PairAsync(_app, boardId);
        await using var tv = await BoardScreen.WithTokenAsync(_app, token);
        await using var otherTv = await BoardScreen.WithTokenAsync(_app, otherToken);
        using var admin = _app.Client(SalesCoachApp.AdminKey);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/wallboards/{boardId}/tokens/{tokenId}")).StatusCode);

        var revoked = await BoardScreen.Next(tv.Revoked, 5);
        Assert.Equal(tokenId, revoked.GetProperty("tokenId").GetString());
        await tv.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => BoardScreen.WithTokenAsync(_app, token));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var http = _app.Client(null);
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/teams/live/board")).StatusCode);

        // The other TV of the board is untouched.
        Assert.Equal(HubConnectionState.Connected, otherTv.Connection.State);
        await otherTv.Connection.InvokeAsync("SubscribeTeam", "live");
    }

    [Fact]
    public async Task Deleting_a_board_sends_its_TVs_back_to_pairing()
    {
        var boardId = await BoardScreen.CreateBoardAsync(_app, "live");
        var (token, _) = await BoardScreen.PairAsync(_app, boardId);
        await using var tv = await BoardScreen.WithTokenAsync(_app, token);
        using var admin = _app.Client(SalesCoachApp.AdminKey);

        await admin.DeleteAsync($"/api/wallboards/{boardId}");

        await BoardScreen.Next(tv.Revoked, 5);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => BoardScreen.WithTokenAsync(_app, token));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_code_of_a_TV_that_went_away_or_asked_again_can_no_longer_be_claimed()
    {
        var boardId = await BoardScreen.CreateBoardAsync(_app, "live");
        using var admin = _app.Client(SalesCoachApp.AdminKey);
        string gone;
        await using (var screen = await BoardScreen.WaitingAsync(_app))
        {
            gone = await screen.StartPairingAsync();
        }

        await using var waiting = await BoardScreen.WaitingAsync(_app);
        var replaced = await waiting.StartPairingAsync();
        var current = await waiting.StartPairingAsync();

        await WaitUntilAsync(async () => (await admin.PostAsJsonAsync($"/api/wallboards/{boardId}/pair", new { code = gone })).StatusCode == HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/wallboards/{boardId}/pair", new { code = replaced })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/wallboards/{boardId}/pair", new { code = current })).StatusCode);
        await BoardScreen.Next(waiting.Paired);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true within 10 s");
            await Task.Delay(100);
        }
    }
}
