using Microsoft.Playwright;

namespace SalesCoach.Live.Browser.Tests.Infrastructure;

/// <summary>Signing in and waiting on the manager and rep views.</summary>
public static class Views
{
    /// <summary>Signs in through the login form and waits until the page it lands on is interactive.</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, string userName, string password, string returnUrl = "/")
    {
        await page.GotoAsync(new Uri(baseAddress, $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}").ToString());
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", password);
        await Task.WhenAll(page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal)), page.ClickAsync("button[type=submit]"));
        await WaitInteractiveAsync(page);
    }

    /// <summary>Types into a MudBlazor field and leaves it, so the circuit has the value before the next click.</summary>
    public static async Task FillAsync(IPage page, string selector, string value)
    {
        await page.FillAsync(selector, value);
        await page.PressAsync(selector, "Tab");
    }

    /// <summary>Waits until the circuit has taken over the prerendered page (clicks before that are lost).</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
}
