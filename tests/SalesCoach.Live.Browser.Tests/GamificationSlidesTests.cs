using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SalesCoach.Live.Browser.Tests;

/// <summary>
/// The gamification slides in real headless chromium against the real server: a badge earned through the ingest API is
/// announced and listed on the TV, and a competition's standings and rule changes follow the API. Screenshots of the
/// slides at 1080p (and the competitions at 2160p) are kept under TestResults/screenshots/.
/// </summary>
public sealed class GamificationSlidesTests(ServerAndBrowser fixture, ITestOutputHelper output) : IClassFixture<ServerAndBrowser>, IAsyncLifetime
{
    private const string NoScrollBars = "document.documentElement.scrollWidth <= innerWidth && document.documentElement.scrollHeight <= innerHeight";

    private readonly List<IBrowserContext> _contexts = [];

    private WallboardServer Server => fixture.Server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_badge_earned_through_the_api_is_announced_with_a_banner_and_listed_on_the_badges_slide()
    {
        var page = await OpenAsync($"/wallboard/?team=amer&token={WallboardServer.ReadKey}&slides=badges");
        await Board.WaitLiveAsync(page);
        // The day's moments so far (the seeded day earned first meetings and goals) are read at subscription.
        await Board.WaitForAsync(page, "document.querySelectorAll('section[data-team=amer] .mo-row').length > 0");

        // The seed gave Jamal fewer than 53 calls this week: 100 more make the 100th call of the week.
        await Activities.PostAsync(Server, Activities.Of("jamal", "call", quantity: 100));

        await Board.WaitForAsync(page, "document.querySelector('.badge-banner.showing .bb-action')?.textContent === 'earned 100th call of the week'", timeoutMs: 10_000);
        var name = await BadgeEarnerAsync("amer", "century-calls");
        Assert.Equal(name, await page.TextContentAsync(".badge-banner .bb-name"));
        Assert.True(await page.IsHiddenAsync(".celebration"), "a badge is a banner, not a full-screen celebration");
        await Board.WaitForAsync(page, "!document.getAnimations().some(a => a.animationName === 'banner-in' && a.playState === 'running')");
        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "badge-banner")}");
        var banner = await page.Locator(".badge-banner").BoundingBoxAsync();
        Assert.True(banner!.X >= 0 && banner.X + banner.Width <= 1920, $"the banner runs off the screen: {banner.X} + {banner.Width}");

        // Listed on the slide, newest first, once; the banner goes after a few seconds.
        await Board.WaitForAsync(page, "document.querySelector('.badge-banner').hidden", timeoutMs: 10_000);
        var first = page.Locator("section[data-team=amer] .mo-row").First;
        Assert.Equal(name, await first.Locator(".mo-name").TextContentAsync());
        Assert.Contains(
            "earned 100th call of the week",
            await page.EvaluateAsync<string[]>("[...document.querySelectorAll('section[data-team=amer] .mo-row.kind-badge .mo-action')].map(e => e.textContent)"));
        Assert.Contains(name, await page.EvaluateAsync<string[]>("[...document.querySelectorAll('section[data-team=amer] .mo-roll-name')].map(e => e.textContent)"));
        await SettleAsync(page);
        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "badges")}");
        Assert.True(await page.EvaluateAsync<bool>(
            "[...document.querySelectorAll('section[data-team=amer] .mo-row, section[data-team=amer] .mo-roll-row')].every(r => r.scrollWidth <= r.clientWidth)"), "a moment line overflows");
        Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('section[data-team=amer] .mo-feed, section[data-team=amer] .mo-roll')].every(b => b.scrollHeight <= b.clientHeight)"), "the feed overflows its box");
        Assert.True(await page.EvaluateAsync<bool>(NoScrollBars), "scroll bars at 1080p");

        // A duplicate of the post (the CRM retries) and more calls award nothing twice.
        await Activities.PostAsync(Server, Activities.Of("jamal", "call", quantity: 5));
        using var client = Server.Client(WallboardServer.ReadKey);
        var badges = await Board.JsonAsync(await client.GetAsync("/api/reps/jamal/badges"));
        Assert.Single(badges.GetProperty("badges").EnumerateArray(), b => b.GetProperty("badge").GetString() == "century-calls");
    }

    [Fact]
    public async Task The_competitions_slide_shows_standings_that_change_after_posts_and_the_rule_changes()
    {
        var now = DateTimeOffset.UtcNow;
        using var admin = Server.Client(WallboardServer.AdminKey);
        var created = await admin.PostAsJsonAsync("/api/competitions", new
        {
            id = "browser-sprint",
            name = "Browser call sprint",
            teamId = "emea",
            scope = "reps",
            participants = new[] { "anna", "ben", "chloe", "dario", "elif" },
            by = "call",
            finish = "most",
            start = Competitions.Instant(now.AddHours(-1)),
            end = Competitions.Instant(now.AddHours(2)),
            handicaps = new Dictionary<string, double> { ["elif"] = 1.5 },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var race = await admin.PostAsJsonAsync("/api/competitions", new
        {
            id = "browser-race",
            name = "First to 60 points",
            teamId = "emea",
            participants = new[] { "finn", "greta", "hugo" },
            by = "points",
            finish = "firstTo",
            target = 60,
            start = Competitions.Instant(now.AddMinutes(-30)),
            end = Competitions.Instant(now.AddHours(3)),
        });
        Assert.True(race.StatusCode == HttpStatusCode.Created, await race.Content.ReadAsStringAsync());

        var page = await OpenAsync($"/wallboard/?team=emea&token={WallboardServer.ReadKey}&slides=competitions");
        await Board.WaitLiveAsync(page);
        const string Sprint = "section[data-team=emea] .cp-card[data-competition-id='browser-sprint']";
        await Board.WaitForAsync(page, $"document.querySelectorAll(\"{Sprint} .cp-row\").length === 5");
        Assert.Equal("Browser call sprint", await page.TextContentAsync($"{Sprint} .cp-title"));
        Assert.Equal("Calls · most by the end", await page.TextContentAsync($"{Sprint} .cp-meta"));
        Assert.Matches("^(1 h 5\\d min|2 h) left$", await page.TextContentAsync($"{Sprint} .cp-time"));
        Assert.Equal("×1.5", await page.TextContentAsync($"{Sprint} .cp-row[data-id=elif] .cp-handicap"));
        Assert.True(await page.IsHiddenAsync($"{Sprint} .cp-rules"));
        // First to 60: whoever got there first leads, marked with the time they did, even with less by now.
        const string Race = "section[data-team=emea] .cp-card[data-competition-id='browser-race']";
        Assert.Equal("Points · first to 60", await page.TextContentAsync($"{Race} .cp-meta"));
        Assert.Matches("^✔\uFE0E \\d{2}:\\d{2}$", await page.TextContentAsync($"{Race} .cp-row.leader .cp-reached"));

        // Dario makes more calls than anyone seeded: he leads, in gold, within the TV's refresh.
        var leaderScore = await page.EvaluateAsync<double>($"parseFloat(document.querySelector(\"{Sprint} .cp-row .cp-score\").textContent.replace(/,/g, ''))");
        var calls = (int)leaderScore + 7;
        await Activities.PostAsync(Server, Activities.Of("dario", "call", quantity: calls));
        await Board.WaitForAsync(
            page,
            $"(() => {{ const r = document.querySelector(\"{Sprint} .cp-row\"); return r && r.dataset.id === 'dario' && r.classList.contains('leader'); }})()",
            timeoutMs: 10_000);
        var darioScore = await page.TextContentAsync($"{Sprint} .cp-row[data-id=dario] .cp-score");
        Assert.True(double.Parse(darioScore!.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) >= calls, $"Dario's score is {darioScore}");

        // A mid-contest rule change: the end moves and Elif's handicap goes; the slide says so.
        var newEnd = now.AddHours(4);
        var changed = await admin.PatchAsJsonAsync("/api/competitions/browser-sprint", new { end = Competitions.Instant(newEnd), handicaps = new Dictionary<string, double> { ["elif"] = 1 } });
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var answer = await Board.JsonAsync(changed);
        Assert.Equal("admin", answer.GetProperty("ruleChanges")[0].GetProperty("by").GetString());
        await Activities.PostAsync(Server, Activities.Of("anna", "call"));
        await Board.WaitForAsync(page, $"document.querySelector(\"{Sprint} .cp-rules\")?.textContent.startsWith('Rules changed at ')", timeoutMs: 10_000);
        var rules = await page.TextContentAsync($"{Sprint} .cp-rules");
        output.WriteLine(rules);
        Assert.Contains("end moved to ", rules, StringComparison.Ordinal);
        Assert.Contains("handicap of ", rules, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"{Sprint} .cp-handicap").CountAsync());

        await SettleAsync(page);
        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "competitions")}");
        await AssertFitsAsync(page, "1080p");

        await page.SetViewportSizeAsync(3840, 2160);
        await SettleAsync(page);
        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "competitions-2160p")}");
        await AssertFitsAsync(page, "2160p");
        var nameWidth = await page.EvaluateAsync<double>($"document.querySelector(\"{Sprint} .cp-row[data-id=dario] .cp-name-text\").getBoundingClientRect().width");
        Assert.True(nameWidth > 200, $"a name is {nameWidth:F0} px wide at 2160p");
    }

    [Fact]
    public async Task Rule_changes_are_validated_and_a_finished_contest_refuses_them()
    {
        using var admin = Server.Client(WallboardServer.AdminKey);
        var now = DateTimeOffset.UtcNow;
        var created = await admin.PostAsJsonAsync("/api/competitions", new
        {
            id = "browser-short",
            name = "Short sprint",
            teamId = "apac",
            participants = new[] { "omar", "priya" },
            by = "call",
            start = Competitions.Instant(now.AddHours(-1)),
            end = Competitions.Instant(now.AddSeconds(4)),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var bad = await admin.PatchAsJsonAsync("/api/competitions/browser-short", new { end = "tomorrow", handicaps = new Dictionary<string, double> { ["zed"] = 2, ["omar"] = 9 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await Board.JsonAsync(bad)).GetProperty("errors");
        Assert.Equal(["end", "handicaps.omar", "handicaps.zed"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        using var reader = Server.Client(WallboardServer.ReadKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.PatchAsJsonAsync("/api/competitions/browser-short", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchAsJsonAsync("/api/competitions/no-such-contest", new { name = "X" })).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(5));
        var late = await admin.PatchAsJsonAsync("/api/competitions/browser-short", new { name = "Longer sprint" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> BadgeEarnerAsync(string teamId, string badge)
    {
        using var client = Server.Client(WallboardServer.ReadKey);
        var feed = await Board.JsonAsync(await client.GetAsync($"/api/teams/{teamId}/moments"));
        return feed.GetProperty("moments").EnumerateArray()
            .Single(m => m.GetProperty("kind").GetString() == "badge" && m.GetProperty("detail").GetString() == badge)
            .GetProperty("name").GetString()!;
    }

    private static async Task AssertFitsAsync(IPage page, string size)
    {
        Assert.True(await page.EvaluateAsync<bool>(NoScrollBars), $"scroll bars at {size}");
        Assert.True(await page.EvaluateAsync<bool>(
            "[...document.querySelectorAll('section[data-team=emea] .cp-card')].every(c => c.scrollWidth <= c.clientWidth && c.scrollHeight <= c.clientHeight)"), $"a card overflows at {size}");
        Assert.True(await page.EvaluateAsync<bool>(
            "[...document.querySelectorAll('section[data-team=emea] .cp-row')].every(r => r.scrollWidth <= r.clientWidth)"), $"a standings line overflows at {size}");
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await fixture.Chromium.NewPageAsync();
        _contexts.Add(page.Context);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Log($"console {message.Type}: {message.Text}");
            }
        };
        var response = await page.GotoAsync(new Uri(Server.BaseAddress, path).ToString());
        Assert.Equal(200, response!.Status);
        return page;
    }

    private void Log(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static Task SettleAsync(IPage page) =>
        Board.WaitForAsync(page, "document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)");
}
