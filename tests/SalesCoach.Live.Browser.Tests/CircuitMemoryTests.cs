using System.Globalization;
using System.Runtime;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SalesCoach.Live.Browser.Tests;

/// <summary>
/// What an open manager page costs the server: N manager pages in headless Chromium (N circuits, each holding EMEA's
/// board and queue and following them live) against the server hosted in this process, and the growth of the live
/// managed heap (after full collections) per page. <c>CIRCUIT_MEMORY_PAGES</c> sets N (20 by default);
/// docs/benchmarks.md has the figure for 50 on a Release build.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class CircuitMemoryTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>A generous bound: a circuit that keeps its board, queue and render tree needs far less than a megabyte.</summary>
    private const double MaxBytesPerCircuit = 1024 * 1024;

    private readonly Chromium _chromium = new();
    private ViewsServer? _server;

    public async Task InitializeAsync()
    {
        await _chromium.InitializeAsync();
        _server = new ViewsServer(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)), environment: "Production");
        await _server.SeedAccountsAsync();
        await _server.SeedEmeaWeekAsync();
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
    public async Task An_open_manager_page_costs_the_server_well_under_a_megabyte()
    {
        var server = _server!;
        var pages = int.TryParse(Environment.GetEnvironmentVariable("CIRCUIT_MEMORY_PAGES"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 20;
        var first = await _chromium.NewPageAsync();
        await Views.SignInAsync(first, server.BaseAddress, "manager", ViewsServer.Password);
        await first.WaitForSelectorAsync("[data-testid=team-grid]");

        // Warm up (JIT, grain activations, static files), then measure from a settled heap.
        for (var i = 0; i < 3; i++)
        {
            var warm = await first.Context.NewPageAsync();
            await OpenAsync(warm, server);
            await warm.CloseAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = LiveHeap();
        var workingSetBefore = Environment.WorkingSet;
        var open = new List<IPage>();
        for (var i = 0; i < pages; i++)
        {
            var page = await first.Context.NewPageAsync();
            await OpenAsync(page, server);
            open.Add(page);
        }

        // Every circuit is live: one new call of Anna's reaches every page through the node's relay.
        const string annaCalls = "tr[data-rep-id=anna] td[data-metric=call] .actual";
        var calls = int.Parse(await first.Locator(annaCalls).TextContentAsync() ?? "", CultureInfo.InvariantCulture);
        await server.PostAsync("anna", "call", 1, TimeSpan.FromSeconds(1));
        server.Clock.Advance(TimeSpan.FromSeconds(1));
        foreach (var page in open.Append(first))
        {
            await Assertions.Expect(page.Locator(annaCalls)).ToHaveTextAsync((calls + 1).ToString(CultureInfo.InvariantCulture));
        }

        var after = LiveHeap();
        var workingSetAfter = Environment.WorkingSet;
        var perCircuit = (double)(after - before) / pages;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pages} manager circuits: live managed heap {before / 1048576.0:0.0} MB -> {after / 1048576.0:0.0} MB, {perCircuit / 1024:0} KB per circuit; working set {workingSetBefore / 1048576.0:0} MB -> {workingSetAfter / 1048576.0:0} MB, {(workingSetAfter - workingSetBefore) / 1024.0 / pages:0} KB per circuit ({Environment.ProcessorCount} cores)"));
        Assert.True(perCircuit < MaxBytesPerCircuit, $"{perCircuit / 1024:0} KB per manager circuit");
        GC.KeepAlive(open);
    }

    private static async Task OpenAsync(IPage page, ViewsServer server)
    {
        await page.GotoAsync(server.Url("/").ToString());
        await Views.WaitInteractiveAsync(page);
        await page.WaitForSelectorAsync("[data-testid=team-grid]");
    }

    /// <summary>The managed heap that is still reachable: collected fully (and compacted) twice first.</summary>
    private static long LiveHeap()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
