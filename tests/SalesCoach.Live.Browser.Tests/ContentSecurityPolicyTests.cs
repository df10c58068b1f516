using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SalesCoach.Live.Browser.Tests;

/// <summary>
/// The pages and the wallboard work under the server's Content-Security-Policy (no inline script): Chromium reports
/// no violation while the sign-in form, the manager's interactive team page and a live wallboard run.
/// </summary>
public sealed class ContentSecurityPolicyTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Injected by the browser driver, so the policy does not apply to it; it records every violation on the page.
    private const string RecordViolations =
        "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    private readonly Chromium _chromium = new();
    private ViewsServer? _server;

    public Task InitializeAsync() => _chromium.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_sign_in_form_the_manager_view_and_the_wallboard_run_without_a_policy_violation()
    {
        _server = new ViewsServer(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));
        await _server.SeedAccountsAsync();
        await _server.PostAsync("anna", "call", 3, TimeSpan.FromMinutes(5));
        var console = new List<string>();

        var manager = await NewPageAsync(console);
        await Views.SignInAsync(manager, _server.BaseAddress, "manager", ViewsServer.Password);
        await Views.WaitInteractiveAsync(manager);
        await Assertions.Expect(manager.Locator("[data-testid=team-grid] tr[data-rep-id=anna]")).ToBeVisibleAsync();

        var tv = await NewPageAsync(console);
        var response = await tv.GotoAsync(_server.Url($"/wallboard/?team=emea&token={ViewsServer.ReadKey}").ToString());
        Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        await Assertions.Expect(tv.Locator("#link-status")).ToHaveAttributeAsync("data-status", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(tv.Locator("section[data-team=emea] .lb-row").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        foreach (var (page, name) in new[] { (manager, "manager view"), (tv, "wallboard") })
        {
            var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
            Assert.True(violations.Length == 0, $"{name}: {string.Join("; ", violations)}");
        }

        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<IPage> NewPageAsync(List<string> console)
    {
        var page = await _chromium.NewPageAsync(1920, 1080, enforceCsp: true);
        await page.AddInitScriptAsync(RecordViolations);
        page.Console += (_, message) =>
        {
            lock (console)
            {
                console.Add(message.Text);
            }

            try
            {
                output.WriteLine($"console {message.Type}: {message.Text}");
            }
            catch (InvalidOperationException)
            {
                // The test has ended.
            }
        };
        return page;
    }
}
