using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SalesCoach.Live.Browser.Tests;

/// <summary>
/// What an open manager page costs the server: N manager pages (N circuits, each following EMEA's board and queue
/// live) against the server process in demo mode, and the growth of the process's resident memory per page.
/// <c>CIRCUIT_MEMORY_PAGES</c> sets N (20 by default; docs/benchmarks.md has the figure for 50 on a Release build).
/// </summary>
public sealed class CircuitMemoryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Password = "circuit-memory-password";

    /// <summary>A generous bound: a circuit that keeps its board, queue and render tree needs well under a megabyte.</summary>
    private const double MaxBytesPerCircuit = 2 * 1024 * 1024;

    private readonly Chromium _chromium = new();
    private WallboardServer? _server;

    public async Task InitializeAsync()
    {
        await _chromium.InitializeAsync();
        _server = await WallboardServer.StartAsync(new Dictionary<string, string>
        {
            ["Org:File"] = "",
            ["Demo:Enabled"] = "true",
            ["Demo:Backfill"] = "false",
            ["Demo:AccountPassword"] = Password,
        });
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
    public async Task An_open_manager_page_costs_the_server_well_under_two_megabytes()
    {
        var server = _server!;
        var pages = int.TryParse(Environment.GetEnvironmentVariable("CIRCUIT_MEMORY_PAGES"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 20;
        var first = await _chromium.NewPageAsync();
        await Views.SignInAsync(first, server.BaseAddress, "manager", Password);
        await first.WaitForSelectorAsync("[data-testid=team-grid]");

        // Warm up (JIT, first grain activations, the static files), then measure from a settled process.
        for (var i = 0; i < 3; i++)
        {
            var warm = await first.Context.NewPageAsync();
            await OpenAsync(warm, server);
            await warm.CloseAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = ResidentBytes(server);
        var open = new List<IPage>();
        for (var i = 0; i < pages; i++)
        {
            var page = await first.Context.NewPageAsync();
            await OpenAsync(page, server);
            open.Add(page);
        }

        await Task.Delay(TimeSpan.FromSeconds(10));
        var after = ResidentBytes(server);
        // Every page is still live: the grid is there and the circuit has not been dropped.
        foreach (var page in open)
        {
            Assert.Equal(1, await page.Locator("[data-testid=team-grid]").CountAsync());
        }

        var perCircuit = (double)(after - before) / pages;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pages} manager circuits: resident {before / 1048576.0:0.0} MB -> {after / 1048576.0:0.0} MB, {perCircuit / 1024:0} KB per circuit ({Environment.ProcessorCount} cores)"));
        Assert.True(perCircuit < MaxBytesPerCircuit, $"{perCircuit / 1024:0} KB per manager circuit");
    }

    private static async Task OpenAsync(IPage page, WallboardServer server)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, "/").ToString());
        await Views.WaitInteractiveAsync(page);
        await page.WaitForSelectorAsync("[data-testid=team-grid]");
    }

    private static long ResidentBytes(WallboardServer server)
    {
        var status = File.ReadAllLines($"/proc/{server.ProcessId ?? throw new InvalidOperationException("The server is not running.")}/status");
        var line = status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
