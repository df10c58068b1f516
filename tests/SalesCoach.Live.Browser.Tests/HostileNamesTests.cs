using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SalesCoach.Live.Browser.Tests;

/// <summary>
/// Names are text, never markup, on every screen: an org whose rep, team and metric names (and a competition's name and
/// two accounts' display names) carry HTML and quotes, live activity for that rep through the ingest API, and every
/// screen that shows a name (the TV's leaderboard, pace, competitions and badges slides with the celebration and badge
/// banner; the manager's team grid and coaching queue; the rep drill-down; My pace; boards; users; org) checked in real
/// Chromium: the raw string shows as text, no element was injected, and no script ran.
/// </summary>
public sealed class HostileNamesTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Each payload sets window.__xss if it runs, and holds an element (<b>, <i>) that would appear if it were parsed.
    private const string RepName = "<img src=x onerror=\"window.__xss=1\">Kim \"K\" O'Neil & <b>co</b>";
    private const string TeamName = "<script>window.__xss=2</script>Team \"Q\" <img src=x onerror=\"window.__xss=3\">";
    private const string MetricName = "<img src=x onerror=\"window.__xss=4\">Deals \"won\" & <i>more</i>";
    private const string ManagerName = "<img src=x onerror=\"window.__xss=5\">Mia \"M\" <b>Boss</b>";
    private const string CompetitionName = "<img src=x onerror=\"window.__xss=6\">Sprint 'S' & <b>win</b>";
    private const string NewUserName = "<img src=x onerror=\"window.__xss=7\">Zed \"Z\" O'Hara & <b>co</b>";

    /// <summary>
    /// What markup in a name would leave behind if it were parsed: the images, scripts and bold or italic words of the
    /// payloads, and <c>window.__xss</c>.
    /// </summary>
    private const string Injected =
        """
        () => ({
          images: document.querySelectorAll('img[src="x"]').length,
          scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('__xss')).length,
          elements: [...document.querySelectorAll('b, i')].filter(e => ['co', 'more', 'Boss', 'win'].includes(e.textContent)).length,
          xss: typeof window.__xss === 'undefined' ? 'undefined' : String(window.__xss),
        })
        """;

    /// <summary>True once Anna's entry is in the coaching queue; clicks "Show all" (at most every 2 s) while the queue is cut to its most urgent.</summary>
    private const string ShowAnnaInTheQueue =
        """
        () => {
          if (document.querySelector("[data-testid=coaching-queue] a.queue-name[href='/reps/anna']")) return true;
          const more = document.querySelector('[data-testid=queue-more]');
          // One click, then time for the circuit to answer: clicks sent faster than it re-renders toggle twice.
          if (more && more.textContent.includes('Show all') && !(Date.now() - (window.__queueMoreAt ?? 0) < 2000)) {
            window.__queueMoreAt = Date.now();
            more.click();
          }
          return false;
        }
        """;

    private readonly Chromium _chromium = new();
    private readonly List<string> _consoleErrors = [];
    private ViewsServer? _server;
    private string? _orgFile;

    private ViewsServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public Task InitializeAsync() => _chromium.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_orgFile is not null)
        {
            File.Delete(_orgFile);
        }
    }

    /// <summary>
    /// The business clock is pinned (the server's <see cref="FakeTimeProvider"/>): just after midnight UTC, the instant the
    /// suite once failed at, noon UTC, 23:30 UTC on the last day of a month and a year, and EMEA's own zone (no longer a
    /// fixed offset) on the Sunday its clocks go forward, with the seeded week across the change.
    /// </summary>
    [Theory]
    [InlineData("2026-12-01T00:05:00Z", null)]
    [InlineData("2026-12-08T00:40:00Z", null)]
    [InlineData("2026-12-16T12:00:00Z", null)]
    [InlineData("2026-12-31T23:30:00Z", null)]
    [InlineData("2027-03-28T10:30:00Z", "Europe/Berlin")]
    public async Task Names_with_markup_and_quotes_show_as_text_on_every_screen(string instant, string? timeZone)
    {
        var started = DateTime.UtcNow;
        var now = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
        _orgFile = WriteHostileOrg(now, timeZone);
        _server = new ViewsServer(new FakeTimeProvider(now), orgFile: _orgFile);
        await Server.SeedAccountsAsync(managerName: ManagerName, annaName: "Anna's account");
        // A normal week and morning for everyone but Anna (no calls today: she lags, so she is in the coaching queue).
        await Server.SeedEmeaWeekAsync(except: ["anna"]);
        await CreateCompetitionAsync();

        // --- The TV: leaderboard, live celebration of a deal, live badge banner (first meeting of the day).
        var tv = await NewPageAsync();
        await tv.GotoAsync(Server.Url($"/wallboard/?team=emea&token={ViewsServer.ReadKey}&slides=leaderboard").ToString());
        await Board.WaitLiveAsync(tv);
        await Board.WaitForAsync(tv, "document.querySelectorAll('section[data-team=emea] .lb-row').length === 8");
        Assert.Equal(RepName, await tv.TextContentAsync("section[data-team=emea] .lb-row[data-rep-id=anna] .name"));
        Assert.Equal(TeamName, await tv.TextContentAsync("#team-name"));
        Assert.Contains(TeamName, await tv.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains(MetricName, await tv.EvaluateAsync<string[]>("[...document.querySelectorAll('section[data-team=emea] .h-metric-name')].map(e => e.textContent)"));
        await AssertNothingInjectedAsync(tv, "wallboard leaderboard");

        var fiveSecondsAgo = Server.Clock.GetUtcNow() - TimeSpan.FromSeconds(5);
        await Server.PostAsync(ViewsServer.Activity("anna", "deal", 1, fiveSecondsAgo, 9_500m), ViewsServer.Activity("anna", "meeting", 1, fiveSecondsAgo));
        await Board.WaitForAsync(tv, "document.querySelector('.celebration.showing .cele-name')?.textContent.length > 0", timeoutMs: 15_000);
        Assert.Equal(RepName, await tv.TextContentAsync(".celebration .cele-name"));
        Assert.Equal(MetricName, await tv.TextContentAsync(".celebration .cele-metric"));
        await AssertNothingInjectedAsync(tv, "wallboard celebration");
        // The badge is awarded on the gamification grain's tick, which runs on the business clock: nudge it along.
        await WaitAdvancingAsync(tv, "document.querySelector('.badge-banner.showing .bb-name')?.textContent.length > 0");
        Assert.Equal(RepName, await tv.TextContentAsync(".badge-banner .bb-name"));
        await AssertNothingInjectedAsync(tv, "wallboard badge banner");
        output.WriteLine(await Screenshots.SaveAsync(tv, "hostile-wallboard-banner"));

        // --- The TV's other slides: pace (metric names), competitions (its name and Anna's), badges (moments, roll).
        await tv.GotoAsync(Server.Url($"/wallboard/?team=emea&token={ViewsServer.ReadKey}&slides=pace").ToString());
        await Board.WaitLiveAsync(tv);
        await AssertTextAsync(tv, "section[data-team=emea][data-slide=pace]", MetricName, "wallboard pace");
        await AssertNothingInjectedAsync(tv, "wallboard pace");

        await tv.GotoAsync(Server.Url($"/wallboard/?team=emea&token={ViewsServer.ReadKey}&slides=competitions").ToString());
        await Board.WaitLiveAsync(tv);
        const string Sprint = "section[data-team=emea] .cp-card[data-competition-id='hostile-sprint']";
        await Board.WaitForAsync(tv, $"document.querySelectorAll(\"{Sprint} .cp-row\").length === 3");
        Assert.Equal(CompetitionName, await tv.TextContentAsync($"{Sprint} .cp-title"));
        Assert.Equal(RepName, await tv.TextContentAsync($"{Sprint} .cp-row[data-id=anna] .cp-name-text"));
        await AssertNothingInjectedAsync(tv, "wallboard competitions");

        await tv.GotoAsync(Server.Url($"/wallboard/?team=emea&token={ViewsServer.ReadKey}&slides=badges").ToString());
        await Board.WaitLiveAsync(tv);
        await WaitAdvancingAsync(tv, "[...document.querySelectorAll('section[data-team=emea] .mo-name')].some(e => e.textContent.startsWith('<img'))");
        Assert.Contains(RepName, await tv.EvaluateAsync<string[]>("[...document.querySelectorAll('section[data-team=emea] .mo-name')].map(e => e.textContent)"));
        Assert.Contains(RepName, await tv.EvaluateAsync<string[]>("[...document.querySelectorAll('section[data-team=emea] .mo-roll-name')].map(e => e.textContent)"));
        await AssertNothingInjectedAsync(tv, "wallboard badges");
        output.WriteLine(await Screenshots.SaveAsync(tv, "hostile-wallboard-badges"));

        // --- The manager: team grid, coaching queue, the rep drill-down.
        var manager = await NewPageAsync();
        await Views.SignInAsync(manager, Server.BaseAddress, "manager", ViewsServer.Password);
        await manager.WaitForSelectorAsync("[data-testid=team-grid] tr[data-rep-id=anna]");
        Assert.Equal(RepName, await manager.TextContentAsync("[data-testid=team-grid] tr[data-rep-id=anna] a.rep-link"));
        // The queue shows its five most urgent; from about the fifth of a month the others, with no deal yet, are behind on
        // the month's deals as well and outrank Anna (behind on today's calls only): open the whole queue to find her.
        await Board.WaitForAsync(manager, ShowAnnaInTheQueue, timeoutMs: 30_000);
        await Assertions.Expect(manager.Locator("[data-testid=coaching-queue] a.queue-name[href='/reps/anna']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        Assert.Equal(RepName, await manager.TextContentAsync("[data-testid=coaching-queue] a.queue-name[href='/reps/anna']"));
        Assert.Equal(TeamName, await manager.TextContentAsync(".team-title"));
        Assert.Contains(TeamName, await manager.TitleAsync(), StringComparison.Ordinal);
        await AssertTextAsync(manager, "[data-testid=team-grid] thead", MetricName, "team grid");
        await AssertTextAsync(manager, "[data-testid=who]", ManagerName, "team page");
        await AssertNothingInjectedAsync(manager, "team page");
        output.WriteLine(await Screenshots.SaveAsync(manager, "hostile-team"));

        await manager.ClickAsync("[data-testid=team-grid] tr[data-rep-id=anna] a.rep-link");
        await manager.WaitForURLAsync("**/reps/anna");
        await Views.WaitInteractiveAsync(manager);
        await Assertions.Expect(manager.Locator("[data-testid=rep-name]")).ToHaveTextAsync(RepName);
        Assert.Contains(RepName, await manager.TitleAsync(), StringComparison.Ordinal);
        await AssertTextAsync(manager, "body", TeamName, "rep drill-down");
        await AssertTextAsync(manager, "body", MetricName, "rep drill-down");
        await AssertNothingInjectedAsync(manager, "rep drill-down");

        // --- The rep's own page.
        var rep = await NewPageAsync(390, 844);
        await Views.SignInAsync(rep, Server.BaseAddress, "anna", ViewsServer.Password, "/me");
        await rep.WaitForSelectorAsync("[data-testid=my-pace]");
        await AssertTextAsync(rep, "body", RepName, "my pace");
        await AssertTextAsync(rep, "[data-testid=my-pace]", MetricName, "my pace");
        await AssertNothingInjectedAsync(rep, "my pace");

        // --- The admin: boards, users (with a new user of a hostile display name), org.
        var admin = await NewPageAsync();
        await Views.SignInAsync(admin, Server.BaseAddress, "admin", ViewsServer.Password, "/boards");
        await AssertTextAsync(admin, "[data-testid=new-board]", TeamName, "boards");
        await AssertNothingInjectedAsync(admin, "boards");

        await admin.GotoAsync(Server.Url("/admin/users").ToString());
        await Views.WaitInteractiveAsync(admin);
        await AssertTextAsync(admin, "[data-testid=users] tr[data-user=manager]", ManagerName, "users");
        await Views.FillAsync(admin, "input[data-field=userName]", "zed");
        await Views.FillAsync(admin, "input[data-field=displayName]", NewUserName);
        await Views.FillAsync(admin, "input[data-field=password]", "zed-password-123");
        await admin.ClickAsync("[data-testid=user-editor] [data-field=repId]");
        var repItems = admin.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(repItems.First).ToBeVisibleAsync();
        Assert.Contains($"{RepName} ({TeamName})", await repItems.AllTextContentsAsync());
        await AssertNothingInjectedAsync(admin, "users, rep list");
        await admin.ClickAsync(".mud-popover-open .mud-list-item:has-text('Ben Okafor')");
        await admin.ClickAsync("[data-testid=save-user]");
        await Assertions.Expect(admin.Locator("[data-testid=users] tr[data-user=zed]")).ToContainTextAsync(NewUserName);
        await AssertNothingInjectedAsync(admin, "users");
        output.WriteLine(await Screenshots.SaveAsync(admin, "hostile-users"));

        await admin.GotoAsync(Server.Url("/admin/org").ToString());
        await Views.WaitInteractiveAsync(admin);
        await Assertions.Expect(admin.Locator("input[data-field=\"teams[0].name\"]")).ToHaveValueAsync(TeamName);
        await Assertions.Expect(admin.Locator("input[data-field=\"teams[0].reps[0].name\"]")).ToHaveValueAsync(RepName);
        await Assertions.Expect(admin.Locator("input[data-field=\"metrics[2].name\"]")).ToHaveValueAsync(MetricName);
        await AssertTextAsync(admin, "[data-team-id=emea]", $"Team {TeamName}", "org");
        await AssertNothingInjectedAsync(admin, "org");

        // A little later, nothing has run on any of the pages that stayed open.
        await Task.Delay(1_000);
        foreach (var (page, screen) in new[] { (tv, "wallboard"), (manager, "rep drill-down"), (rep, "my pace"), (admin, "org") })
        {
            await AssertNothingInjectedAsync(page, screen + ", a second later");
        }

        foreach (var error in _consoleErrors)
        {
            output.WriteLine($"console error: {error}");
        }

        output.WriteLine($"all screens checked in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
    }

    /// <summary>
    /// The demo org with hostile names for EMEA, Anna and the deal metric, every day a working day, and EMEA in
    /// <paramref name="timeZone"/>, or else in the fixed UTC offset that makes <paramref name="now"/> about noon there.
    /// </summary>
    private static string WriteHostileOrg(DateTimeOffset now, string? timeZone)
    {
        var org = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "SalesCoach.Live.Domain", "Org", "demo-org.json")))!;
        org["metrics"]!.AsArray().Single(m => (string?)m!["key"] == "deal")!["name"] = MetricName;
        var emea = org["teams"]!.AsArray().Single(t => (string?)t!["id"] == "emea")!;
        emea["name"] = TeamName;
        emea["reps"]!.AsArray().Single(r => (string?)r!["id"] == "anna")!["name"] = RepName;
        // Etc/GMT-N is N hours ahead of UTC (POSIX signs): from -11 to +12 hours, local time is 12:xx.
        var ahead = 12 - now.UtcDateTime.Hour;
        emea["timeZone"] = timeZone ?? (ahead == 0 ? "Etc/GMT" : $"Etc/GMT{(ahead > 0 ? "-" : "+")}{Math.Abs(ahead)}");
        emea["workingHours"] = new JsonObject
        {
            ["days"] = new JsonArray("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
            ["start"] = "09:00",
            ["end"] = "17:00",
        };
        emea["holidays"] = new JsonArray();
        var path = Path.Combine(Path.GetTempPath(), $"salescoach-hostile-org-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, org.ToJsonString());
        return path;
    }

    private async Task CreateCompetitionAsync()
    {
        using var client = Server.Client(ViewsServer.AdminKey);
        var now = Server.Clock.GetUtcNow();
        var created = await client.PostAsJsonAsync("/api/competitions", new
        {
            id = "hostile-sprint",
            name = CompetitionName,
            teamId = "emea",
            scope = "reps",
            participants = new[] { "anna", "ben", "chloe" },
            by = "call",
            finish = "most",
            start = Competitions.Instant(now.AddHours(-1)),
            end = Competitions.Instant(now.AddHours(2)),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    /// <summary>Waits for a JavaScript condition while moving the business clock a second at a time.</summary>
    private async Task WaitAdvancingAsync(IPage page, string expression)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await page.EvaluateAsync<bool>(expression))
        {
            Assert.True(DateTime.UtcNow < deadline, $"still not true after 30 s: {expression}");
            await Task.Delay(500);
            Server.Clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The raw string is in the text of the element (not its markup: textContent is what the reader sees).</summary>
    private static async Task AssertTextAsync(IPage page, string selector, string expected, string screen)
    {
        await Assertions.Expect(page.Locator(selector).First).ToContainTextAsync(expected, new() { Timeout = 20_000 });
        var text = await page.Locator(selector).First.TextContentAsync();
        Assert.True(text!.Contains(expected, StringComparison.Ordinal), $"{screen}: '{expected}' is not in the text of {selector}: {text}");
    }

    private async Task AssertNothingInjectedAsync(IPage page, string screen)
    {
        var found = await page.EvaluateAsync<InjectionTrace>(Injected);
        output.WriteLine($"{screen}: {found}");
        Assert.True(
            found is { Images: 0, Scripts: 0, Elements: 0, Xss: "undefined" },
            $"{screen}: markup of a name was parsed: {found}");
    }

    private Task<IPage> NewPageAsync() => NewPageAsync(1920, 1080);

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var page = await _chromium.NewPageAsync(width, height);
        page.Console += (_, message) =>
        {
            if (message.Type is "error")
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add(error);
            }
        };
        return page;
    }

    private sealed class InjectionTrace
    {
        public int Images { get; set; }

        public int Scripts { get; set; }

        public int Elements { get; set; }

        public string Xss { get; set; } = "";

        public override string ToString() => $"{Images} injected images, {Scripts} injected scripts, {Elements} injected b/i elements, window.__xss {Xss}";
    }
}
