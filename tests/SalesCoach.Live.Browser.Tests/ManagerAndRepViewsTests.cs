using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoach.Live.Server.Accounts;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SalesCoach.Live.Browser.Tests;

/// <summary>
/// The manager and rep views in headless Chromium against the real server, with a business clock the test moves:
/// Thursday 26 November 2026, 10:00 in Berlin (EMEA works 09:00–17:00, 60 calls a day for Anna).
/// </summary>
public sealed class ManagerAndRepViewsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTimeOffset TenInBerlin = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly Chromium _chromium = new();
    private readonly List<ViewsServer> _servers = [];

    public Task InitializeAsync() => _chromium.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_manager_watches_a_rep_fall_behind_live_opens_the_drill_down_and_writes_a_note_that_survives_a_restart()
    {
        var server = await StartAsync(new FakeTimeProvider(TenInBerlin));
        await server.SeedEmeaWeekAsync(except: ["anna", "ben"]);
        // 8 calls by 10:00: 7.5 expected (60 × one hour of eight), 107% of pace.
        await server.PostAsync("anna", "call", 8, TimeSpan.FromMinutes(10));
        await server.PostAsync("ben", "call", 3, TimeSpan.FromMinutes(20));

        var page = await _chromium.NewPageAsync();
        Watch(page);
        await Views.SignInAsync(page, server.BaseAddress, "manager", ViewsServer.Password);
        var annaCalls = page.Locator("[data-testid=team-grid] tr[data-rep-id=anna] td[data-metric=call]");
        await Assertions.Expect(annaCalls).ToHaveAttributeAsync("data-status", "onPace");
        await Assertions.Expect(page.Locator("[data-testid=coaching-queue]")).ToBeVisibleAsync();
        output.WriteLine(await Screenshots.SaveAsync(page, "views-manager-team"));

        // A quarter of an hour with no calls: 9.4 expected, 85% of pace. The team grain's tick brings the board up to
        // the clock and pushes a delta; the cell changes in place, without a reload.
        server.Clock.Advance(TimeSpan.FromMinutes(15));
        await WaitAdvancingAsync(server, () => annaCalls.GetAttributeAsync("data-status"), "behind");
        Assert.Contains("8", await annaCalls.Locator(".actual").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("9.4", await annaCalls.Locator(".expected").TextContentAsync());
        output.WriteLine(await Screenshots.SaveAsync(page, "views-manager-team-behind"));

        await page.ClickAsync("[data-testid=team-grid] tr[data-rep-id=anna] a.rep-link");
        await page.WaitForURLAsync("**/reps/anna");
        await Assertions.Expect(page.Locator("[data-testid=rep-name]")).ToHaveTextAsync("Anna Berg");
        await Views.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=timeline] li")).ToHaveCountAsync(1);
        await page.FillAsync("textarea[data-field=discussed]", "Morning call blocks: two 45-minute blocks before lunch");
        await page.FillAsync("input[data-field=\"actions[0].text\"]", "Block 09:30–10:15 and 11:00–11:45 for calls");
        await page.FillAsync("input[data-field=\"actions[0].followUp\"]", "2026-12-03");
        await page.ClickAsync("[data-testid=save-note]");
        var note = page.Locator("[data-testid=notes] .note");
        await Assertions.Expect(note).ToHaveCountAsync(1);
        await Assertions.Expect(note).ToContainTextAsync("Morning call blocks");
        await Assertions.Expect(note).ToContainTextAsync("follow up Thu 3 Dec");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        output.WriteLine(await Screenshots.SaveAsync(page, "views-rep-drill-down"));

        // Restart on the same store: the note is in grain storage.
        var data = server.DataDirectory;
        var clock = server.Clock;
        await page.Context.CloseAsync();
        _servers.Remove(server);
        await server.DisposeAsync();
        var again = await StartAsync(clock, data);
        var after = await _chromium.NewPageAsync();
        await Views.SignInAsync(after, again.BaseAddress, "manager", ViewsServer.Password, "/reps/anna");
        await Assertions.Expect(after.Locator("[data-testid=notes] .note")).ToContainTextAsync("Morning call blocks: two 45-minute blocks before lunch");
        await Assertions.Expect(after.Locator("[data-testid=notes] .note")).ToContainTextAsync("by manager");
    }

    [Fact]
    public async Task A_rep_signs_in_sees_their_own_pace_on_a_phone_and_is_refused_another_reps_page()
    {
        var server = await StartAsync(new FakeTimeProvider(TenInBerlin));
        await server.PostAsync("anna", "call", 5, TimeSpan.FromMinutes(30));

        var page = await _chromium.NewPageAsync(390, 844);
        Watch(page);
        // Not signed in: the page sends the browser to the sign-in form, which comes back to it afterwards.
        await page.GotoAsync(server.Url("/me").ToString());
        await page.WaitForURLAsync("**/account/login**");
        Assert.Equal("/me", await page.InputValueAsync("input[name=returnUrl]"));
        await page.FillAsync("#userName", "anna");
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("That user name and password do not match an account.");
        Assert.Equal("/me", await page.InputValueAsync("input[name=returnUrl]"));
        await page.FillAsync("#userName", "anna");
        await page.FillAsync("#password", ViewsServer.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/me");
        await Views.WaitInteractiveAsync(page);
        var calls = page.Locator("[data-testid=my-pace] [data-metric=call][data-period=day]");
        // 5 of 7.5 expected at 10:00: behind; by 11:00 a quarter of the day (15 calls) is due.
        await Assertions.Expect(calls.Locator("[data-testid=sentence]")).ToHaveTextAsync("Make 10 more calls by 11:00 to be back on pace.");
        await Assertions.Expect(page.Locator("[data-testid=my-rank]")).ToContainTextAsync("Rank 1 of 8");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "My pace must fit a 390 px wide phone without sideways scrolling");
        output.WriteLine(await Screenshots.SaveAsync(page, "views-my-pace-phone"));

        var response = await page.GotoAsync(server.Url("/reps/ben").ToString());
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("[data-testid=forbidden]")).ToBeVisibleAsync();
        await Views.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=forbidden]")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-testid=timeline], [data-testid=notes]").CountAsync());
        output.WriteLine(await Screenshots.SaveAsync(page, "views-rep-forbidden"));
    }

    [Fact]
    public async Task A_manager_is_refused_a_team_they_do_not_manage_and_the_admin_pages_and_loses_open_pages_with_the_account()
    {
        var server = await StartAsync(new FakeTimeProvider(TenInBerlin));
        var page = await _chromium.NewPageAsync();
        Watch(page);
        await Views.SignInAsync(page, server.BaseAddress, "manager", ViewsServer.Password);

        var response = await page.GotoAsync(server.Url("/teams/amer").ToString());
        Assert.Equal(403, response!.Status);
        await Views.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=forbidden]")).ToContainTextAsync("do not manage");
        Assert.Equal(0, await page.Locator("[data-testid=team-grid]").CountAsync());

        await page.GotoAsync(server.Url("/reps/isabel").ToString());
        await Assertions.Expect(page.Locator("[data-testid=forbidden]")).ToBeVisibleAsync();

        response = await page.GotoAsync(server.Url("/admin/users").ToString());
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("[data-testid=forbidden]")).ToBeVisibleAsync();

        // An open page outlives its request: when the account is deleted, the live page ends too.
        await page.GotoAsync(server.Url("/").ToString());
        await Views.WaitInteractiveAsync(page);
        await page.WaitForSelectorAsync("[data-testid=team-grid]");
        Assert.True(await server.Services.GetRequiredService<AccountAdmin>().DeleteAsync("manager", "tests"));
        await page.WaitForURLAsync("**/account/login**", new PageWaitForURLOptions { Timeout = 20_000 });
    }

    [Fact]
    public async Task An_admin_creates_an_api_key_shown_once_a_user_and_a_tv_board()
    {
        var server = await StartAsync(new FakeTimeProvider(TenInBerlin));
        var page = await _chromium.NewPageAsync();
        Watch(page);
        await Views.SignInAsync(page, server.BaseAddress, "admin", ViewsServer.Password, "/admin/api-keys");

        await Views.FillAsync(page, "input[data-field=name]", "Dialer <Aircall>");
        await page.ClickAsync("[data-testid=create-key]");
        var issued = page.Locator("[data-testid=issued-key] code");
        await Assertions.Expect(issued).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^sc_[0-9a-f]{48}$"));
        var key = await issued.TextContentAsync();
        await Assertions.Expect(page.Locator("[data-testid=keys] tbody tr")).ToContainTextAsync("Dialer <Aircall>");
        using (var client = server.Client(key!))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/teams")).StatusCode);
        }

        // Shown once: the list has the prefix only, and a reload shows no key.
        await page.ReloadAsync();
        await Views.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=keys] tbody tr")).ToHaveCountAsync(1);
        Assert.DoesNotContain(key!, await page.ContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync(server.Url("/admin/users").ToString());
        await Views.WaitInteractiveAsync(page);
        await Views.FillAsync(page, "input[data-field=userName]", "zoe");
        await Views.FillAsync(page, "input[data-field=displayName]", "Zoé \"Z\" <Ortiz>");
        await Views.FillAsync(page, "input[data-field=password]", "zoe-password-123");
        await page.ClickAsync("[data-testid=user-editor] [data-field=repId]");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Ben Okafor')");
        await page.ClickAsync("[data-testid=save-user]");
        await Assertions.Expect(page.Locator("[data-testid=users] tr[data-user=zoe]")).ToContainTextAsync("Zoé \"Z\" <Ortiz>");
        await Assertions.Expect(page.Locator("[data-testid=users] tr[data-user=zoe]")).ToContainTextAsync("ben");
        output.WriteLine(await Screenshots.SaveAsync(page, "views-admin-users"));

        await page.GotoAsync(server.Url("/boards").ToString());
        await Views.WaitInteractiveAsync(page);
        await Views.FillAsync(page, "input[data-field=title]", "Sales floor");
        await page.ClickAsync("[data-testid=new-board] label:has-text('EMEA SDR')");
        await page.ClickAsync("[data-testid=create-board]");
        await Assertions.Expect(page.Locator("[data-board-id=sales-floor]")).ToContainTextAsync("emea");
        await page.FillAsync("[data-board-id=sales-floor] input[data-field=code]", "ZZZZZZ");
        await page.ClickAsync("[data-board-id=sales-floor] [data-action=pair]");
        await Assertions.Expect(page.Locator("[data-board-id=sales-floor]")).ToContainTextAsync("no screen is waiting with code ZZZZZZ");
        output.WriteLine(await Screenshots.SaveAsync(page, "views-boards"));
    }

    [Fact]
    public async Task An_admin_changes_a_team_call_goal_on_the_org_page_and_the_board_follows()
    {
        var server = await StartAsync(new FakeTimeProvider(TenInBerlin));
        using var reader = server.Client(ViewsServer.ReadKey);
        Assert.Equal(60, await AnnaCallGoalAsync(reader));

        var page = await _chromium.NewPageAsync();
        Watch(page);
        await Views.SignInAsync(page, server.BaseAddress, "admin", ViewsServer.Password, "/admin/org");
        await Views.WaitInteractiveAsync(page);
        var target = page.Locator("[data-team-id=emea] tr[data-goal='call/day'] input[data-field=\"teams[0].goals[0].target\"]");
        await Assertions.Expect(target).ToHaveValueAsync("60");
        await target.FillAsync("75");
        await target.PressAsync("Tab");
        await page.ClickAsync("[data-testid=save-org]");

        await Assertions.Expect(page.Locator("[data-testid=org-saved]")).ToContainTextAsync("Saved as revision 2");
        await Assertions.Expect(page.Locator("[data-testid=org-revisions] tr[data-revision='2']")).ToContainTextAsync("admin");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        double? goal;
        while ((goal = await AnnaCallGoalAsync(reader)) != 75 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal(75, goal);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        output.WriteLine(await Screenshots.SaveAsync(page, "views-admin-org"));
    }

    /// <summary>Anna's call goal for the day on the EMEA board, as the board API gives it.</summary>
    private static async Task<double?> AnnaCallGoalAsync(HttpClient reader)
    {
        var board = System.Text.Json.Nodes.JsonNode.Parse(await reader.GetStringAsync("/api/teams/emea/board"))!;
        var anna = board["reps"]!.AsArray().Single(r => (string?)r!["repId"] == "anna")!;
        return (double?)anna["metrics"]!["call"]!["goal"];
    }

    private async Task<ViewsServer> StartAsync(FakeTimeProvider clock, string? dataDirectory = null)
    {
        var server = new ViewsServer(clock, dataDirectory);
        _servers.Add(server);
        await server.SeedAccountsAsync();
        return server;
    }

    /// <summary>
    /// Waits for a value while nudging the business clock a second at a time: the team grain's timers run on that
    /// clock, so a coalesced delta waits for it to move.
    /// </summary>
    private static async Task WaitAdvancingAsync(ViewsServer server, Func<Task<string?>> read, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await read();
            if (last == expected)
            {
                return;
            }

            await Task.Delay(500);
            server.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Fail($"expected '{expected}', still '{last}' after 45 s");
    }

    private void Watch(IPage page) => page.Console += (_, message) =>
    {
        try
        {
            if (message.Type is "error" or "warning")
            {
                output.WriteLine($"console {message.Type}: {message.Text}");
            }
        }
        catch (InvalidOperationException)
        {
            // The test has ended.
        }
    };
}
