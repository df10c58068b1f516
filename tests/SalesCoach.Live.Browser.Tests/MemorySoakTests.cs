using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SalesCoach.Live.Browser.Tests;

/// <summary>
/// A wallboard left running on the demo (simulator at high speed, slides turning every 5 s) keeps a flat DOM and JS
/// heap. Runs for SALESCOACH_SOAK_MINUTES (default 1) after a warm-up, and writes its samples to TestResults/soak.json;
/// long runs are this test with a larger value (SALESCOACH_SOAK_SPEED, _TEAM and _DWELL change the load).
/// </summary>
public sealed class MemorySoakTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly Chromium _chromium = new();
    private WallboardServer? _server;

    public async Task InitializeAsync()
    {
        await _chromium.InitializeAsync();
        _server = await WallboardServer.StartAsync(new Dictionary<string, string>
        {
            ["Org:File"] = "",
            ["Demo:Enabled"] = "true",
            ["Demo:Speed"] = Environment.GetEnvironmentVariable("SALESCOACH_SOAK_SPEED") ?? "30",
            ["Demo:Backfill"] = "false",
            ["Demo:AfterHoursShare"] = "1",
            ["Demo:ApiKey"] = "browser-demo-key-0000000000000004",
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
    public async Task A_wallboard_on_the_demo_stays_flat_in_memory()
    {
        var minutes = double.Parse(Environment.GetEnvironmentVariable("SALESCOACH_SOAK_MINUTES") ?? "1", CultureInfo.InvariantCulture);
        var team = Environment.GetEnvironmentVariable("SALESCOACH_SOAK_TEAM") ?? "amer";
        var dwell = Environment.GetEnvironmentVariable("SALESCOACH_SOAK_DWELL") ?? "5";
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(new Uri(_server!.BaseAddress, $"/wallboard/?team={team}&token={WallboardServer.ReadKey}&dwell={dwell}").ToString());
        await Board.WaitLiveAsync(page);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");

        // Warm up (a fifth of the run, at least a few rotations, at most three minutes): the first deltas,
        // celebrations and slide changes create what the page keeps for good (both slides' elements, the confetti
        // canvas, compiled code).
        var warmUp = TimeSpan.FromMinutes(Math.Clamp(minutes / 5, 0.5, 3));
        await Task.Delay(warmUp);
        var samples = new List<Sample> { await SampleAsync(cdp, team, TimeSpan.Zero) };
        var start = DateTime.UtcNow;
        var end = start + TimeSpan.FromMinutes(minutes);
        while (DateTime.UtcNow < end)
        {
            var left = end - DateTime.UtcNow;
            await Task.Delay(left < TimeSpan.FromMinutes(1) ? left : TimeSpan.FromMinutes(1));
            samples.Add(await SampleAsync(cdp, team, DateTime.UtcNow - start));
            output.WriteLine(samples[^1].ToString());
        }

        var first = samples[0];
        var last = samples[^1];
        Directory.CreateDirectory(Screenshots.Folder);
        var report = Path.Combine(Path.GetDirectoryName(Screenshots.Folder)!, "soak.json");
        await File.WriteAllTextAsync(report, JsonSerializer.Serialize(new { minutes, team, dwell, warmUpMinutes = warmUp.TotalMinutes, samples }, new JsonSerializerOptions { WriteIndented = true }));
        output.WriteLine($"start: {first}");
        output.WriteLine($"end:   {last}");
        output.WriteLine($"samples: {report}");

        Assert.True(last.BoardVersion > first.BoardVersion, "no deltas reached the board during the run");
        Assert.True(await page.EvaluateAsync<string>("document.getElementById('link-status').dataset.status") == "live", "the board is not live at the end");
        Assert.True(last.Nodes <= (first.Nodes * 1.2) + 200, $"DOM nodes grew from {first.Nodes} to {last.Nodes}");
        Assert.True(last.JsHeapUsedBytes <= (first.JsHeapUsedBytes * 1.5) + (2 << 20), $"JS heap grew from {first.JsHeapUsedBytes} to {last.JsHeapUsedBytes} bytes");
        Assert.True(last.JsEventListeners <= first.JsEventListeners + 50, $"event listeners grew from {first.JsEventListeners} to {last.JsEventListeners}");
    }

    private async Task<Sample> SampleAsync(ICDPSession cdp, string team, TimeSpan at)
    {
        // Measure what is kept, not what waits for the collector.
        await cdp.SendAsync("HeapProfiler.collectGarbage");
        var result = await cdp.SendAsync("Performance.getMetrics");
        var metrics = result!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
        using var client = _server!.Client(WallboardServer.ReadKey);
        var board = JsonDocument.Parse(await client.GetStringAsync($"/api/teams/{team}/board")).RootElement;
        return new Sample(
            Math.Round(at.TotalMinutes, 2),
            (long)metrics["JSHeapUsedSize"],
            (long)metrics["JSHeapTotalSize"],
            (long)metrics["Nodes"],
            (long)metrics["JSEventListeners"],
            (long)metrics["Documents"],
            board.GetProperty("version").GetInt64());
    }

    /// <summary>One measurement of the page (after a forced garbage collection) and the board's version then.</summary>
    public sealed record Sample(double Minute, long JsHeapUsedBytes, long JsHeapTotalBytes, long Nodes, long JsEventListeners, long Documents, long BoardVersion)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"minute {Minute,6:F1}: JS heap {JsHeapUsedBytes / 1024.0 / 1024.0:F2} MB used ({JsHeapTotalBytes / 1024.0 / 1024.0:F2} MB total), {Nodes} DOM nodes, {JsEventListeners} listeners, {Documents} documents, board version {BoardVersion}");
    }
}
