using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SalesCoach.Live.Browser.Tests;

/// <summary>
/// The TV wallboard in real headless chromium against the real server: layout at 1080p and 2160p, live reordering,
/// celebrations, the pace slide, and pairing a screen with a code. Screenshots of each slide are kept under
/// TestResults/screenshots/.
/// </summary>
public sealed class WallboardPageTests(ServerAndBrowser fixture, ITestOutputHelper output) : IClassFixture<ServerAndBrowser>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    private WallboardServer Server => fixture.Server;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Closes this test's pages: a page left open would keep running (and logging) into the next test.</summary>
    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Names_always_show_beside_the_demo_orgs_three_goal_metrics_at_1080p()
    {
        var page = await OpenAsync($"/wallboard/?team=emea&token={WallboardServer.ReadKey}&slides=leaderboard");
        await Board.WaitForAsync(page, "document.querySelectorAll('section[data-team=emea] .lb-row').length === 8");
        await SettleAsync(page);

        var layout = await page.EvaluateAsync<RowLayout[]>(
            """
            [...document.querySelectorAll('section[data-team=emea] .lb-row')].map(r => {
              const name = r.querySelector('.name'), card = r.querySelector('.lb-card');
              return { name: name.textContent, nameWidth: name.getBoundingClientRect().width,
                       bars: r.querySelectorAll('.metric .bar').length,
                       cardOverflow: card.scrollWidth - card.clientWidth };
            })
            """);
        var path = await Screenshots.SaveAsync(page, "leaderboard");
        output.WriteLine($"screenshot: {path}");

        Assert.Equal(8, layout.Length);
        Assert.All(layout, row =>
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Name));
            Assert.Equal(3, row.Bars);
            Assert.True(row.NameWidth > 150, $"{row.Name}: the name is {row.NameWidth:F0} px wide");
            Assert.True(row.CardOverflow <= 0, $"{row.Name}: the row overflows by {row.CardOverflow} px");
        });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth && document.documentElement.scrollHeight <= innerHeight"), "scroll bars at 1080p");
    }

    [Fact]
    public async Task Thirty_reps_fit_in_two_columns_with_their_names()
    {
        // The page's demo data (no server data needed): 30 reps with the demo org's three goal metrics.
        var page = await OpenAsync("/wallboard/?mock=1&reps=30&quiet=1&slides=leaderboard");
        await Board.WaitForAsync(page, "document.querySelectorAll('.lb-row:not(.off-page)').length === 30");
        await SettleAsync(page);

        var widths = await page.EvaluateAsync<double[]>("[...document.querySelectorAll('.lb-row .name')].map(n => n.getBoundingClientRect().width)");
        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "leaderboard-30-reps")}");

        Assert.All(widths, w => Assert.True(w > 150, $"a name is {w:F0} px wide in two columns"));
        Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('.lb-card')].every(c => c.scrollWidth <= c.clientWidth)"), "a row overflows");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth && document.documentElement.scrollHeight <= innerHeight"));
    }

    [Fact]
    public async Task At_2160p_the_same_picture_shows_only_sharper()
    {
        var page = await OpenAsync($"/wallboard/?team=apac&token={WallboardServer.ReadKey}&slides=leaderboard");
        await page.SetViewportSizeAsync(3840, 2160);
        await Board.WaitForAsync(page, "document.querySelectorAll('section[data-team=apac] .lb-row').length === 10");
        await SettleAsync(page);

        var widths = await page.EvaluateAsync<double[]>("[...document.querySelectorAll('section[data-team=apac] .lb-row .name')].map(n => n.getBoundingClientRect().width)");

        Assert.All(widths, w => Assert.True(w > 300, $"a name is {w:F0} px wide at 2160p"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth && document.documentElement.scrollHeight <= innerHeight"), "scroll bars at 2160p");
    }

    [Fact]
    public async Task Posting_activities_changes_the_on_screen_order_within_a_second()
    {
        var page = await OpenAsync($"/wallboard/?team=amer&token={WallboardServer.ReadKey}&slides=leaderboard");
        await Board.WaitForAsync(page, "document.querySelectorAll('section[data-team=amer] .lb-row').length === 6");
        await Board.WaitLiveAsync(page);

        // A first post warms the path up (JIT, grains); three more are measured, each after the board has come to
        // rest (so after a quiet spell, when the server sends a change at once rather than in its next 250 ms window).
        // The median must be under a second: one slow round on a busy two-core machine says little.
        var measured = new List<TimeSpan>();
        for (var round = 0; round < 4; round++)
        {
            await SettleAsync(page);
            var before = await Board.OrderAsync(page, "amer");
            var last = before[^1];
            var leaderScore = await page.EvaluateAsync<int>("id => +document.querySelector(`.lb-row[data-rep-id=\"${id}\"] .score`).textContent.replace(/\\D/g, '')", before[0]);

            var clock = Stopwatch.StartNew();
            await Activities.PostAsync(Server, Activities.Of(last, "call", quantity: leaderScore + 5));
            var acknowledged = clock.Elapsed;
            await Board.WaitForAsync(
                page,
                "id => { const r = document.querySelector(`section[data-team=amer] .lb-row[data-rep-id=\"${id}\"]`); return r && r.style.getPropertyValue('--r') === '0' && r.querySelector('.rank-num').textContent === '1'; }",
                last,
                timeoutMs: 10_000);
            var elapsed = clock.Elapsed;

            var after = await Board.OrderAsync(page, "amer");
            output.WriteLine($"round {round}: {last} from #{before.Length} to #1; the post was acknowledged after {acknowledged.TotalMilliseconds:F0} ms, the new order was on screen after {elapsed.TotalMilliseconds:F0} ms");
            Assert.Equal(last, after[0]);
            Assert.NotEqual(before, after);
            Assert.True(await page.IsVisibleAsync($"section[data-team=amer] .lb-row[data-rep-id='{last}'].moved-up .rank-arrow"));
            if (round > 0)
            {
                measured.Add(elapsed);
            }
        }

        var median = measured.Order().ElementAt(measured.Count / 2);
        Assert.True(median < TimeSpan.FromSeconds(1), $"post to screen took {string.Join(", ", measured.Select(m => $"{m.TotalMilliseconds:F0} ms"))}");
    }

    [Fact]
    public async Task A_won_deal_fills_the_screen_with_a_celebration()
    {
        var page = await OpenAsync($"/wallboard/?team=apac&token={WallboardServer.ReadKey}&slides=leaderboard");
        await Board.WaitLiveAsync(page);
        await Board.WaitForAsync(page, "document.querySelectorAll('section[data-team=apac] .lb-row').length === 10");

        await Activities.PostAsync(Server, Activities.Of("priya", "deal", value: 24_500));

        await Board.WaitForAsync(page, "document.querySelector('.celebration.showing .cele-name')?.textContent === 'Priya Raghunathan'", timeoutMs: 10_000);
        Assert.Equal("Deals won", await page.TextContentAsync(".celebration .cele-metric"));
        Assert.Contains("24,500", await page.TextContentAsync(".celebration .cele-amount"), StringComparison.Ordinal);
        var box = await page.Locator(".celebration").BoundingBoxAsync();
        Assert.Equal((1920f, 1080f), (box!.Width, box.Height));
        // The card has popped in and the confetti flies.
        await Board.WaitForAsync(page, "!document.getAnimations().some(a => a.animationName === 'pop' && a.playState === 'running')");
        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "celebration")}");

        // It goes by itself, and only one plays at a time.
        await Board.WaitForAsync(page, "!document.querySelector('.celebration.showing')", timeoutMs: 15_000);
        Assert.Equal(1, await page.Locator(".celebration").CountAsync());
    }

    [Fact]
    public async Task The_pace_slide_shows_each_team_goal_against_where_the_team_should_be()
    {
        var page = await OpenAsync($"/wallboard/?team=emea&token={WallboardServer.ReadKey}&slides=pace");
        await Board.WaitForAsync(page, "document.querySelectorAll('section[data-team=emea].active .pace-card').length >= 3");
        await SettleAsync(page);

        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "pace")}");
        var names = await page.Locator("section[data-team=emea] .pc-name").AllTextContentsAsync();
        Assert.Equal(["Calls", "Meetings booked", "Deals won"], names.Take(3));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth && document.documentElement.scrollHeight <= innerHeight"));
    }

    [Fact]
    public async Task A_screen_pairs_with_a_code_follows_its_board_and_goes_back_to_pairing_when_revoked()
    {
        using var admin = Server.Client();
        var boardId = "floor-" + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsJsonAsync("/api/wallboards", new { id = boardId, title = "Sales floor", teams = new[] { "emea", "amer" }, slides = new[] { "leaderboard" }, dwellSeconds = 5 }))
            .EnsureSuccessStatusCode();

        // A TV opens the bare page: it shows a code, big.
        var page = await OpenAsync("/wallboard/");
        await Board.WaitForAsync(page, "/^[2-9A-Z]{3} [2-9A-Z]{3}$/.test(document.querySelector('.pairing-code')?.textContent ?? '')");
        var shown = await page.TextContentAsync(".pairing-code");
        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "pairing-code")}");
        var codeBox = await page.Locator(".pairing-code").BoundingBoxAsync();
        Assert.True(codeBox!.Height > 150, $"the code is {codeBox.Height:F0} px high");

        // A manager enters it.
        var paired = await admin.PostAsJsonAsync($"/api/wallboards/{boardId}/pair", new { code = shown, name = "Kitchen TV" });
        Assert.Equal(HttpStatusCode.Created, paired.StatusCode);
        var tokenId = (await Board.JsonAsync(paired)).GetProperty("tokenId").GetString();

        await Board.WaitForAsync(page, "document.getElementById('pairing').hidden && document.querySelectorAll('section[data-team=emea] .lb-row').length === 8");
        await Board.WaitLiveAsync(page);
        Assert.Equal("Sales floor", await page.TextContentAsync("#board-title"));
        var stored = await page.EvaluateAsync<string?>("localStorage.getItem('salescoach.wallboard.token')");
        Assert.Contains(tokenId!, stored, StringComparison.Ordinal);

        // Two teams rotate, every five seconds.
        await Board.WaitForAsync(page, "!!document.querySelector('section[data-team=amer][data-slide=leaderboard].active')", timeoutMs: 15_000);

        // It remembers its token across a reload: straight back to the board, no code.
        await page.ReloadAsync();
        await Board.WaitForAsync(page, "document.querySelectorAll('section[data-team=emea] .lb-row').length === 8");
        await Board.WaitLiveAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('pairing').hidden"));

        // The board changes while the TV runs: it follows within seconds, without a reload.
        await page.EvaluateAsync("window.__sameDocument = true");
        (await admin.PutAsJsonAsync($"/api/wallboards/{boardId}", new { title = "Lobby", teams = new[] { "apac" }, slides = new[] { "leaderboard", "pace" }, dwellSeconds = 30, theme = "light" }))
            .EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        await Board.WaitForAsync(
            page,
            "document.documentElement.dataset.theme === 'light' && document.querySelectorAll('section[data-team=apac] .lb-row').length === 10 && !document.querySelector('section[data-team=emea]')",
            timeoutMs: 10_000);
        output.WriteLine($"the TV followed the changed board in {clock.ElapsedMilliseconds} ms");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "the page reloaded");
        Assert.Equal("Lobby", await page.TextContentAsync("#board-title"));
        await SettleAsync(page);
        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "leaderboard-light")}");

        // Revoked: back to a (new) pairing code, and the token is forgotten.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/wallboards/{boardId}/tokens/{tokenId}")).StatusCode);
        await Board.WaitForAsync(page, "!document.getElementById('pairing').hidden && /^[2-9A-Z]{3} [2-9A-Z]{3}$/.test(document.querySelector('.pairing-code')?.textContent ?? '')", timeoutMs: 15_000);
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('salescoach.wallboard.token')"));
        Assert.Equal(0, await page.Locator("section.slide").CountAsync());
        Assert.NotEqual(shown, await page.TextContentAsync(".pairing-code"));
    }

    [Fact]
    public async Task A_link_with_a_refused_token_says_so_instead_of_an_error_page()
    {
        var page = await OpenAsync("/wallboard/?team=emea&token=not-a-key-not-a-key-not-a-key");

        await Board.WaitForAsync(page, "!document.getElementById('message').hidden && document.getElementById('message-title').textContent.includes('not valid')");
        Assert.Equal("invalid", await page.GetAttributeAsync("#link-status", "data-status"));
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

    // Browser events may still come in while the test ends; the test's output then no longer takes them.
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

    /// <summary>Waits until rows, bars and fades have come to rest (for measuring and for screenshots).</summary>
    private static Task SettleAsync(IPage page) =>
        Board.WaitForAsync(page, "document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)");

    private sealed class RowLayout
    {
        public string Name { get; set; } = "";

        public double NameWidth { get; set; }

        public int Bars { get; set; }

        public double CardOverflow { get; set; }
    }
}
