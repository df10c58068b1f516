using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Wallboard;

/// <summary><c>/api/wallboards</c>: board definitions for admins, validated field by field.</summary>
public sealed class WallboardApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly SalesCoachApp _app = fixture.App;

    [Fact]
    public async Task An_admin_creates_a_board_and_the_defaults_fill_what_was_left_out()
    {
        using var admin = _app.Client(SalesCoachApp.AdminKey);
        var id = NewId();

        var response = await admin.PostAsJsonAsync("/api/wallboards", new { id, title = "Sales floor", teams = new[] { "live", "alpha" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/wallboards/{id}", response.Headers.Location?.OriginalString);
        var board = await Json.ReadAsync(response);
        Assert.Equal(id, board.GetProperty("id").GetString());
        Assert.Equal("Sales floor", board.GetProperty("title").GetString());
        Assert.Equal(["live", "alpha"], Strings(board.GetProperty("teams")));
        Assert.Equal(["leaderboard", "pace"], Strings(board.GetProperty("slides")));
        Assert.Equal(20, board.GetProperty("dwellSeconds").GetInt32());
        Assert.Equal("dark", board.GetProperty("theme").GetString());
        Assert.Equal(1, board.GetProperty("revision").GetInt64());
        Assert.Equal($"/wallboard/?board={id}", board.GetProperty("url").GetString());
        var read = await Json.ReadAsync(await admin.GetAsync($"/api/wallboards/{id}"));
        Assert.Equal(board.GetRawText(), read.GetRawText());
        Assert.Contains(id, Strings((await Json.ReadAsync(await admin.GetAsync("/api/wallboards"))).EnumerateArray().Select(b => b.GetProperty("id"))));
    }

    [Fact]
    public async Task A_board_may_show_the_competitions_and_badges_slides()
    {
        using var admin = _app.Client(SalesCoachApp.AdminKey);

        var response = await admin.PostAsJsonAsync("/api/wallboards", new { id = NewId(), title = "Contests", teams = new[] { "live" }, slides = new[] { "competitions", "leaderboard", "badges" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["competitions", "leaderboard", "badges"], Strings((await Json.ReadAsync(response)).GetProperty("slides")));
        var refused = await admin.PostAsJsonAsync("/api/wallboards", new { title = "Typo", teams = new[] { "live" }, slides = new[] { "competition" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("known: leaderboard, pace, competitions, badges", (await Json.ReadAsync(refused)).GetProperty("errors").GetProperty("slides[0]")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SalesCoachApp.ReadKey)]
    [InlineData(SalesCoachApp.IngestKey)]
    [InlineData(null)]
    public async Task Only_admins_may_use_the_board_API(string? key)
    {
        using var client = _app.Client(key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/wallboards")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/wallboards", new { title = "x", teams = new[] { "live" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/wallboards/x/pair", new { code = "ABC234" })).StatusCode);
    }

    [Fact]
    public async Task An_invalid_definition_is_a_problem_naming_each_bad_field()
    {
        using var admin = _app.Client(SalesCoachApp.AdminKey);

        var response = await admin.PostAsJsonAsync("/api/wallboards", new
        {
            id = "Bad Id!",
            teams = new[] { "live", "nope", "live" },
            slides = new[] { "leaderboard", "fireworks" },
            dwellSeconds = 2,
            theme = "pink",
            colour = "red",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(
            ["colour", "dwellSeconds", "id", "slides[1]", "teams[1]", "teams[2]", "theme", "title"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("unknown team 'nope'", errors.GetProperty("teams[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("between 5 and 3600", errors.GetProperty("dwellSeconds")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "body")]
    [InlineData("{\"title\":\"x\"}", "teams")]
    [InlineData("{\"title\":\"x\",\"teams\":[]}", "teams")]
    [InlineData("{\"title\":\"x\",\"teams\":\"live\"}", "teams")]
    [InlineData("{\"title\":\"x\",\"teams\":[\"live\"],\"dwellSeconds\":\"20\"}", "dwellSeconds")]
    [InlineData("{\"title\":\"  \",\"teams\":[\"live\"]}", "title")]
    [InlineData("{\"title\":", "body")]
    public async Task A_malformed_body_names_the_field(string body, string field)
    {
        using var admin = _app.Client(SalesCoachApp.AdminKey);

        var response = await admin.PostAsync("/api/wallboards", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
    }

    [Fact]
    public async Task A_taken_id_is_a_conflict_and_an_id_made_from_the_title_gets_a_number()
    {
        using var admin = _app.Client(SalesCoachApp.AdminKey);
        var id = NewId();
        await admin.PostAsJsonAsync("/api/wallboards", new { id, title = "x", teams = new[] { "live" } });
        var title = $"Lobby TV {id}";

        var conflict = await admin.PostAsJsonAsync("/api/wallboards", new { id, title = "y", teams = new[] { "live" } });
        var first = await Json.ReadAsync(await admin.PostAsJsonAsync("/api/wallboards", new { title, teams = new[] { "live" } }));
        var second = await Json.ReadAsync(await admin.PostAsJsonAsync("/api/wallboards", new { title, teams = new[] { "live" } }));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal($"lobby-tv-{id}", first.GetProperty("id").GetString());
        Assert.Equal($"lobby-tv-{id}-2", second.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Put_replaces_a_definition_and_bumps_its_revision()
    {
        using var admin = _app.Client(SalesCoachApp.AdminKey);
        var id = NewId();
        await admin.PostAsJsonAsync("/api/wallboards", new { id, title = "Old", teams = new[] { "live" }, dwellSeconds = 30 });

        var response = await admin.PutAsJsonAsync($"/api/wallboards/{id}", new { title = "New", teams = new[] { "alpha" }, slides = new[] { "pace" }, theme = "light" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var board = await Json.ReadAsync(response);
        Assert.Equal(("New", 2L, 20, "light"), (board.GetProperty("title").GetString(), board.GetProperty("revision").GetInt64(), board.GetProperty("dwellSeconds").GetInt32(), board.GetProperty("theme").GetString()));
        Assert.Equal(["pace"], Strings(board.GetProperty("slides")));

        // What a GET returns can be sent back as it is.
        var again = await admin.PutAsync($"/api/wallboards/{id}", new StringContent(board.GetRawText(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(3, (await Json.ReadAsync(again)).GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task Put_and_delete_of_an_unknown_board_are_not_found_and_a_mismatched_id_is_refused()
    {
        using var admin = _app.Client(SalesCoachApp.AdminKey);
        var id = NewId();
        await admin.PostAsJsonAsync("/api/wallboards", new { id, title = "x", teams = new[] { "live" } });

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/wallboards/ghost", new { title = "x", teams = new[] { "live" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/wallboards/ghost")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/wallboards/ghost")).StatusCode);
        var mismatch = await admin.PutAsJsonAsync($"/api/wallboards/{id}", new { id = "other", title = "x", teams = new[] { "live" } });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.True((await Json.ReadAsync(mismatch)).GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task A_deleted_board_is_gone()
    {
        using var admin = _app.Client(SalesCoachApp.AdminKey);
        var id = NewId();
        await admin.PostAsJsonAsync("/api/wallboards", new { id, title = "x", teams = new[] { "live" } });

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/wallboards/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/wallboards/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/wallboards/{id}/tokens")).StatusCode);
    }

    [Theory]
    [InlineData("{\"code\":\"ZZZZZZ\"}", "code", "no screen is waiting")]
    [InlineData("{\"code\":\"0OIL1U\"}", "code", "not a pairing code")]
    [InlineData("{\"code\":\"ABC\"}", "code", "not a pairing code")]
    [InlineData("{}", "code", "required")]
    [InlineData("{\"code\":\"ABC234\",\"name\":5}", "name", "a string")]
    public async Task A_bad_pairing_request_names_the_field(string body, string field, string message)
    {
        using var admin = _app.Client(SalesCoachApp.AdminKey);
        var id = NewId();
        await admin.PostAsJsonAsync("/api/wallboards", new { id, title = "x", teams = new[] { "live" } });

        var response = await admin.PostAsync($"/api/wallboards/{id}/pair", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Json.ReadAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pairing_with_an_unknown_board_or_revoking_an_unknown_token_is_not_found()
    {
        using var admin = _app.Client(SalesCoachApp.AdminKey);
        var id = NewId();
        await admin.PostAsJsonAsync("/api/wallboards", new { id, title = "x", teams = new[] { "live" } });

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/wallboards/ghost/pair", new { code = "ABC234" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/wallboards/{id}/tokens/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/wallboards/{id}/tokens/nope")).StatusCode);
        Assert.Equal("[]", (await Json.ReadAsync(await admin.GetAsync($"/api/wallboards/{id}/tokens"))).GetRawText());
    }

    private static string NewId() => "b" + Guid.NewGuid().ToString("N")[..10];

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString());

    private static IEnumerable<string?> Strings(IEnumerable<JsonElement> elements) => elements.Select(e => e.GetString());
}
