using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace SalesCoach.Live.LoadGen;

/// <summary>
/// The server started by the load generator (<c>--start-server</c>): the built Release dll as a child process on free
/// loopback ports, with its own temp store, generated org file, admin key and silo/gateway ports, no demo, and (unless
/// <c>--keep-rate-limit</c>) no practical ingest rate limit.
/// Its console goes to <c>server.log</c> in the temp folder.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly bool _keep;

    private ServerProcess(Process process, DirectoryInfo folder, Uri url, string key, string orgPath, string clusterId, bool keep)
    {
        Process = process;
        _folder = folder;
        Url = url;
        Key = key;
        OrgPath = orgPath;
        ClusterId = clusterId;
        _keep = keep;
    }

    /// <summary>The org file the server loaded (the other nodes of a cluster load the same).</summary>
    public string OrgPath { get; }

    /// <summary>The Orleans cluster and service id of this run's nodes.</summary>
    public string ClusterId { get; }

    public Process Process { get; }

    public Uri Url { get; }

    public string Key { get; }

    /// <summary>From the process start to the first 200 from <c>/healthz</c>.</summary>
    public TimeSpan StartupTime { get; private set; }

    public string LogPath => Path.Combine(_folder.FullName, "server.log");

    /// <summary>Starts a server; with <paramref name="first"/>, another node of the first one's cluster (same org, key and ids).</summary>
    public static async Task<ServerProcess> StartAsync(LoadOptions options, HttpClient http, CancellationToken cancellationToken, ServerProcess? first = null)
    {
        var dll = options.ServerDll ?? FindServerDll();
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The server is not built at {dll}: run `dotnet build -c Release src/SalesCoach.Live.Server` first, or give --server-dll.");
        }

        var folder = Directory.CreateTempSubdirectory("salescoach-loadgen-");
        var orgPath = first?.OrgPath ?? Path.Combine(folder.FullName, "org.json");
        if (first is null)
        {
            await File.WriteAllTextAsync(orgPath, OrgFileWriter.Write(options.Reps, options.Teams, DateTimeOffset.UtcNow), cancellationToken);
        }

        var key = first?.Key ?? "loadgen-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        // A fresh cluster id per run: the membership table of an earlier run must not be mistaken for this one.
        var clusterId = first?.ClusterId ?? "loadgen-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var (httpPort, siloPort, gatewayPort) = (FreePort(), FreePort(), FreePort());
        var url = new Uri($"http://127.0.0.1:{httpPort}");
        string[] settings =
        [
            "--urls", url.ToString().TrimEnd('/'),
            "--Org:File", orgPath,
            "--Demo:Enabled", "false",
            "--Cluster:SiloPort", siloPort.ToString(CultureInfo.InvariantCulture),
            "--Cluster:GatewayPort", gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--ApiKeys:0:Name", "loadgen",
            "--ApiKeys:0:Key", key,
            "--ApiKeys:0:Scopes:0", "admin",
        ];
        if (options.Nodes > 1)
        {
            settings = [.. settings, "--Cluster:ClusterId", clusterId, "--Cluster:ServiceId", clusterId, "--Cluster:AdvertisedIPAddress", "127.0.0.1"];
        }
        if (!options.KeepRateLimit)
        {
            // The load is the point: lift the per-key ingest rate limit (default 200 requests/s) of this server.
            settings = [.. settings, "--RateLimits:Ingest:RequestsPerSecond", "1000000", "--RateLimits:Ingest:Burst", "1000000"];
        }

        var storage = options.Storage == "postgres"
            ? new[] { "--Storage:Provider", "Postgres", "--Storage:Postgres:ConnectionString", options.Pg! }
            : ["--Storage:Provider", "Sqlite", "--Storage:Sqlite:Path", Path.Combine(folder.FullName, "store.db")];

        // `exec` through sh so that the child's output goes straight to a file (no pipe for this process to drain)
        // and the pid is the server's own.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" >\"$LOADGEN_SERVER_LOG\" 2>&1 </dev/null");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(dll);
        foreach (var argument in settings.Concat(storage))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LOADGEN_SERVER_LOG"] = Path.Combine(folder.FullName, "server.log");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("ASPNETCORE_URLS");

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server process.");
        var server = new ServerProcess(process, folder, url, key, orgPath, clusterId, options.Keep);
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The server exited with code {process.ExitCode} during start-up:\n{server.Tail(30)}");
                }

                if (clock.Elapsed > TimeSpan.FromSeconds(90))
                {
                    throw new InvalidOperationException($"The server did not answer /healthz with 200 within 90 s:\n{server.Tail(30)}");
                }

                try
                {
                    using var probe = await http.GetAsync(new Uri(url, "/healthz"), cancellationToken);
                    if (probe.StatusCode == HttpStatusCode.OK)
                    {
                        server.StartupTime = clock.Elapsed;
                        return server;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(20, cancellationToken);
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Resident and peak resident memory of the server in MiB (from /proc/PID/status), or null once it is gone.</summary>
    public (double RssMb, double PeakRssMb)? Memory() => ProcStatus.Memory(Process.Id);

    public TimeSpan? CpuTime()
    {
        try
        {
            Process.Refresh();
            return Process.HasExited ? null : Process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public string Tail(int lines)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(no log: {e.Message})";
        }
    }

    /// <summary>Stops the server: SIGTERM for a clean shutdown, SIGKILL after 20 s; then removes the temp folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                if (term is not null)
                {
                    await term.WaitForExitAsync();
                }
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await Process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                Process.Kill(entireProcessTree: true);
                await Process.WaitForExitAsync();
            }
        }

        Process.Dispose();
        if (_keep)
        {
            Console.WriteLine($"Kept the server's folder (store, org file, server.log): {_folder.FullName}");
        }
        else
        {
            try
            {
                _folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindServerDll()
    {
        const string relative = "src/SalesCoach.Live.Server/bin/Release/net10.0/SalesCoach.Live.Server.dll";
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SalesCoach.Live.sln")))
                {
                    return Path.Combine(dir.FullName, relative);
                }
            }
        }

        return Path.GetFullPath(relative);
    }
}

/// <summary>Reads memory figures of a process from <c>/proc/PID/status</c> (Linux).</summary>
internal static class ProcStatus
{
    public static (double RssMb, double PeakRssMb)? Memory(int pid)
    {
        try
        {
            double? rss = null, peak = null;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) / 1024d;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line) / 1024d;
                }
            }

            return rss is { } r ? (r, peak ?? r) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
