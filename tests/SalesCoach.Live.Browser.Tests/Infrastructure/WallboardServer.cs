using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace SalesCoach.Live.Browser.Tests.Infrastructure;

/// <summary>
/// The real server as an OS process (the SalesCoach.Live.Server.dll of this project's output, with the built wallboard
/// beside it), on a loopback port, with its store in a folder of its own. <see cref="StopAsync"/> and
/// <see cref="StartAgainAsync"/> restart it on the same port and store, as a deploy or a crash would.
/// </summary>
public sealed class WallboardServer : IAsyncDisposable
{
    public const string IngestKey = "browser-ingest-key-000000000001";
    public const string ReadKey = "browser-read-key-0000000000000002";
    public const string AdminKey = "browser-admin-key-00000000000003";

    private readonly IReadOnlyList<string> _arguments;
    private readonly Queue<string> _output = new();
    private Process? _process;

    private WallboardServer(string dataDirectory, int port, IReadOnlyList<string> arguments)
    {
        DataDirectory = dataDirectory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _arguments = arguments;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    /// <summary>The last lines the server printed, for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>
    /// Starts a server. Without <paramref name="settings"/> it runs the demo org's teams (the org file of the demo,
    /// with the simulator off, so that only the tests move the numbers).
    /// </summary>
    public static async Task<WallboardServer> StartAsync(IDictionary<string, string>? settings = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "salescoach-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var all = new Dictionary<string, string>
        {
            // Found only when not overridden: a copy of the tests run elsewhere (a long soak) needs no repository.
            ["Org:File"] = settings?.ContainsKey("Org:File") == true ? "" : Path.Combine(RepositoryRoot.Path, "src", "SalesCoach.Live.Domain", "Org", "demo-org.json"),
            ["Demo:Enabled"] = "false",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(dataDirectory, "salescoach.db"),
            ["ApiKeys:0:Name"] = "ingest",
            ["ApiKeys:0:Key"] = IngestKey,
            ["ApiKeys:0:Scopes:0"] = "ingest",
            ["ApiKeys:1:Name"] = "reader",
            ["ApiKeys:1:Key"] = ReadKey,
            ["ApiKeys:1:Scopes:0"] = "read",
            ["ApiKeys:2:Name"] = "admin",
            ["ApiKeys:2:Key"] = AdminKey,
            ["ApiKeys:2:Scopes:0"] = "admin",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            if (value.Length == 0)
            {
                all.Remove(key);
            }
            else
            {
                all[key] = value;
            }
        }

        var arguments = all.SelectMany(s => new[] { "--" + s.Key, s.Value }).ToList();
        var server = new WallboardServer(dataDirectory, FreePort.Next(), arguments);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server process (again) on the same port and store, and waits until it is healthy.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The server is running.");
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "SalesCoach.Live.Server.dll");
        if (!File.Exists(dll) || !Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wallboard")))
        {
            throw new FileNotFoundException("The server or its wallboard is missing from the test output; build the test project (it builds both).", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = DataDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in _arguments.Concat(
        [
            "--urls", BaseAddress.ToString().TrimEnd('/'),
            // New silo ports at every start: the HTTP port is what the TVs know; Orleans must not meet the old process.
            "--Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitHealthyAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>Stops the server as a deploy would (SIGTERM), or kills it when it does not stop in time.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            await term!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>An HTTP client that sends <paramref name="apiKey"/>.</summary>
    public HttpClient Client(string apiKey = AdminKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 200)
            {
                _output.Dequeue();
            }
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}:{Environment.NewLine}{RecentOutput}");
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

            await Task.Delay(250);
        }

        throw new TimeoutException($"The server did not become healthy within {timeout}:{Environment.NewLine}{RecentOutput}");
    }
}
