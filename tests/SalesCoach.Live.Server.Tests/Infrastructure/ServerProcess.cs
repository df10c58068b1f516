using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace SalesCoach.Live.Server.Tests.Infrastructure;

/// <summary>
/// The server as a separate OS process (the built SalesCoach.Live.Server.dll), on loopback ports of its own, so a
/// test can kill it with SIGKILL and start it again on the same data folder.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private int _killed;

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ServerProcess> StartAsync(string dataDirectory)
    {
        var orgFile = Path.Combine(dataDirectory, "org.json");
        await File.WriteAllTextAsync(orgFile, TestOrg.Json);
        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            ServerDll(), "--urls", baseAddress.ToString(), "--Org:File", orgFile, "--Demo:Enabled", "false",
            "--Storage:Sqlite:Path", Path.Combine(dataDirectory, "salescoach.db"),
            "--Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--ApiKeys:0:Key", SalesCoachApp.AdminKey, "--ApiKeys:0:Scopes:0", "admin",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, baseAddress);
        await server.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", SalesCoachApp.AdminKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, nothing graceful.</summary>
    public void Kill()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 0)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();

        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}.");
            }

            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The server did not become healthy.");
    }

    // The server's own build output, of the same configuration as this test assembly.
    public static string ServerDll() => BuiltDll(Path.Combine("src", "SalesCoach.Live.Server"), "SalesCoach.Live.Server.dll", "Build the server first.");

    /// <summary>
    /// The build output <paramref name="dllName"/> of the project in <paramref name="projectDir"/> (relative to the
    /// repository root), of the same configuration as this test assembly; <paramref name="message"/> if it is not built.
    /// </summary>
    public static string BuiltDll(string projectDir, string dllName, string message)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepositoryRoot.Path, projectDir, "bin", configuration, "net10.0", dllName);
        return File.Exists(dll) ? dll : throw new FileNotFoundException(message, dll);
    }
}
