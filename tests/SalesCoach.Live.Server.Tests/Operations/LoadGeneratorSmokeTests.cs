using System.Diagnostics;
using System.Text.Json;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Operations;

/// <summary>
/// The load generator of docs/benchmarks.md, run for a few seconds against a server it starts itself (the built
/// server, loopback only): it must post, see every activity on its hub clients and pass its own totals check, so the
/// tool the figures come from keeps working. A smoke test of the tool, not a measurement.
/// </summary>
public sealed class LoadGeneratorSmokeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("salescoach-loadgen-smoke-").FullName;

    [Fact]
    public async Task A_short_run_posts_sees_every_activity_on_the_hub_and_passes_its_totals_check()
    {
        var json = Path.Combine(_folder, "summary.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            LoadGeneratorDll(), "--start-server", "--server-dll", ServerProcess.ServerDll(), "--reps", "40", "--teams", "4",
            "--rate", "200", "--batch", "10", "--concurrency", "2", "--clients", "8", "--duration", "4", "--warmup", "1",
            "--quiet", "--json", json,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var said = await output + await errors;
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}:\n{said}");
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var load = summary.RootElement.GetProperty("load");
        var totals = summary.RootElement.GetProperty("totals");
        Assert.True(totals.GetProperty("pass").GetBoolean(), said);
        Assert.True(load.GetProperty("accepted").GetInt64() > 0, said);
        Assert.Equal(load.GetProperty("posted").GetInt64(), load.GetProperty("accepted").GetInt64());
        Assert.Equal(totals.GetProperty("acknowledged").GetInt64(), totals.GetProperty("onBoards").GetInt64() - totals.GetProperty("baseline").GetInt64());
        Assert.Equal(0, load.GetProperty("unseenAtEnd").GetInt64());
        Assert.True(load.GetProperty("postToScreen").GetProperty("count").GetInt64() > 0, said);
        Assert.True(load.GetProperty("postToFirst").GetProperty("count").GetInt64() > 0, said);
        Assert.Contains("PASS", await output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static string LoadGeneratorDll() =>
        ServerProcess.BuiltDll(Path.Combine("tools", "SalesCoach.Live.LoadGen"), "SalesCoach.Live.LoadGen.dll", "Build the load generator first.");
}
