using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SalesCoach.Live.Browser.Tests;

/// <summary>A paired TV rides out a server restart on its own: no error page, back to Live, the new numbers shown.</summary>
public sealed class RestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly Chromium _chromium = new();
    private WallboardServer? _server;

    public async Task InitializeAsync()
    {
        await _chromium.InitializeAsync();
        _server = await WallboardServer.StartAsync();
        await Activities.SeedDayAsync(_server);
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task After_a_server_restart_the_board_comes_back_live_by_itself_with_the_new_numbers()
    {
        var server = _server!;
        using var admin = server.Client();
        (await admin.PostAsJsonAsync("/api/wallboards", new { id = "floor", title = "Sales floor", teams = new[] { "amer" }, slides = new[] { "leaderboard" } }))
            .EnsureSuccessStatusCode();
        var page = await _chromium.NewPageAsync();
        page.Console += (_, message) =>
        {
            try
            {
                output.WriteLine($"console {message.Type}: {message.Text}");
            }
            catch (InvalidOperationException)
            {
                // The test has ended.
            }
        };
        await page.GotoAsync(new Uri(server.BaseAddress, "/wallboard/").ToString());
        await Board.WaitForAsync(page, "/^[2-9A-Z]{3} [2-9A-Z]{3}$/.test(document.querySelector('.pairing-code')?.textContent ?? '')");
        var code = await page.TextContentAsync(".pairing-code");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/wallboards/floor/pair", new { code })).StatusCode);
        await Board.WaitForAsync(page, "document.querySelectorAll('section[data-team=amer] .lb-row').length === 6");
        await Board.WaitLiveAsync(page);
        var before = await ScoreAsync(page, "kate");

        await server.StopAsync();
        await Board.WaitForAsync(page, "['reconnecting', 'connecting'].includes(document.getElementById('link-status').dataset.status)");
        // While the server is away the board stays on screen (dimmed after a while), never an error page.
        Assert.Equal(6, await page.Locator("section[data-team=amer] .lb-row").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('pairing').hidden"));

        var clock = Stopwatch.StartNew();
        await server.StartAgainAsync();
        output.WriteLine($"server back after {clock.ElapsedMilliseconds} ms");
        await Activities.PostAsync(server, Activities.Of("kate", "call", quantity: 7));

        // The reconnect delays grow to 30 s at most; a minute and a half is plenty on a busy machine.
        await Board.WaitLiveAsync(page, timeoutMs: 90_000);
        await Board.WaitForAsync(
            page,
            "want => +document.querySelector('section[data-team=amer] .lb-row[data-rep-id=kate] .score').textContent.replace(/\\D/g, '') === want",
            before + 7,
            timeoutMs: 30_000);
        output.WriteLine($"live again with the new numbers {clock.ElapsedMilliseconds} ms after the restart began");
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('message').hidden && document.getElementById('pairing').hidden"));
        Assert.NotNull(await page.EvaluateAsync<string?>("localStorage.getItem('salescoach.wallboard.token')"));
    }

    private static Task<int> ScoreAsync(IPage page, string repId) =>
        page.EvaluateAsync<int>("id => +document.querySelector(`.lb-row[data-rep-id=\"${id}\"] .score`).textContent.replace(/\\D/g, '')", repId);
}
