using System.Text.Json;
using Microsoft.Playwright;

namespace SalesCoach.Live.Browser.Tests.Infrastructure;

/// <summary>What the tests read off the wallboard page.</summary>
public static class Board
{
    /// <summary>Waits until the corner says Live.</summary>
    public static Task WaitLiveAsync(IPage page, float timeoutMs = 20_000) =>
        page.WaitForSelectorAsync("#link-status[data-status='live']", new PageWaitForSelectorOptions { Timeout = timeoutMs, State = WaitForSelectorState.Attached });

    /// <summary>The rep ids of a team's leaderboard in on-screen order (by the slot each row is placed in).</summary>
    public static async Task<string[]> OrderAsync(IPage page, string teamId) =>
        (await page.EvaluateAsync<string[]>(
            """
            team => [...document.querySelectorAll(`section[data-team="${team}"] .lb-row`)]
              .map(r => ({ id: r.dataset.repId, c: +r.style.getPropertyValue('--c'), r: +r.style.getPropertyValue('--r') }))
              .sort((a, b) => a.c - b.c || a.r - b.r).map(x => x.id)
            """,
            teamId)) ?? [];

    /// <summary>Waits for a JavaScript condition, checked at every frame.</summary>
    public static Task WaitForAsync(IPage page, string expression, object? arg = null, float timeoutMs = 20_000) =>
        page.WaitForFunctionAsync(expression, arg, new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = null });

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
