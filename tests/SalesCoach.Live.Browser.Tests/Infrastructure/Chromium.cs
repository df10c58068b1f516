using Microsoft.Playwright;

namespace SalesCoach.Live.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's chromium, driven by Playwright's bundled driver (no <c>playwright install</c>: the browser is the system's).
/// A missing browser fails the tests, loudly: they are never skipped.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's chromium at {ExecutablePath}. Install it with " +
                "`apt-get install -y -o DPkg::Lock::Timeout=300 chromium` (as root), then run the tests again.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh 1920×1080 page in a context of its own (its own local storage).</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(1920, 1080);

    /// <summary>
    /// A fresh page of the given viewport (390×844 is a phone) in a context of its own (its own cookies and storage).
    /// Playwright's string predicates (<c>WaitForFunctionAsync("…")</c>) are evaluated in the page, which the server's
    /// Content-Security-Policy forbids (no <c>eval</c>), so pages bypass the policy unless <paramref name="enforceCsp"/>:
    /// <c>ContentSecurityPolicyTests</c> runs the pages and the wallboard under it, waiting with locators only.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width, int height, bool enforceCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
            Locale = "en-US",
            TimezoneId = "Europe/Berlin",
            BypassCSP = !enforceCsp,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
