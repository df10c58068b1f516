using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Cluster;

/// <summary>
/// One node of a PostgreSQL-backed cluster as a separate OS process (the built server), on loopback ports of its own:
/// HTTP, silo and gateway, advertised as 127.0.0.1. Membership is tuned to notice a dead node in seconds (the values
/// <see cref="FastMembership"/> names; production keeps Orleans' defaults). The last lines the node printed are kept
/// for diagnostics. <see cref="Kill"/> is SIGKILL.
/// </summary>
public sealed class ClusterNode : IDisposable
{
    /// <summary>Membership timing for tests and development: a killed node is declared dead within a few seconds.</summary>
    public static readonly IReadOnlyDictionary<string, string> FastMembership = new Dictionary<string, string>
    {
        ["Cluster:Membership:ProbeTimeout"] = "00:00:01",
        ["Cluster:Membership:NumMissedProbesLimit"] = "2",
        ["Cluster:Membership:NumVotesForDeathDeclaration"] = "1",
        ["Cluster:Membership:IAmAliveTablePublishTimeout"] = "00:00:02",
        ["Cluster:Membership:TableRefreshTimeout"] = "00:00:02",
        ["Cluster:Membership:DeathVoteExpirationTimeout"] = "00:00:10",
    };

    private const int KeptLines = 300;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly EventHandler _killOnExit;
    private int _killed;

    private ClusterNode(string name, Process process, Uri baseAddress)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A test run that ends abruptly must not leave nodes running.
        _killOnExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a node; it is usable once <see cref="WaitReadyAsync"/> says so.</summary>
    public static async Task<ClusterNode> StartAsync(string name, string connectionString, string orgJson)
    {
        var folder = Path.Combine(Path.GetTempPath(), "salescoach-tests", "cluster-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var orgFile = Path.Combine(folder, "org.json");
        await File.WriteAllTextAsync(orgFile, orgJson);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var settings = new Dictionary<string, string>(FastMembership)
        {
            ["urls"] = baseAddress.ToString(),
            ["Org:File"] = orgFile,
            ["Demo:Enabled"] = "false",
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = connectionString,
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:AdvertisedIPAddress"] = "127.0.0.1",
            ["ApiKeys:0:Name"] = "admin",
            ["ApiKeys:0:Key"] = SalesCoachApp.AdminKey,
            ["ApiKeys:0:Scopes:0"] = "admin",
        };
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(ServerProcess.ServerDll());
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add("--" + key);
            start.ArgumentList.Add(value);
        }

        return new ClusterNode(name, Process.Start(start)!, baseAddress);
    }

    /// <summary>
    /// Waits until the node answers <c>/healthz</c> with 200 and its relay registry lists <paramref name="relays"/>
    /// relays: then this node and the others share one cluster (one registry grain) and pushes reach every node.
    /// </summary>
    public async Task WaitReadyAsync(int relays, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(3) };
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Node {Name} exited with code {_process.ExitCode}.\n{Output()}");
            }

            try
            {
                var response = await client.GetAsync("/healthz");
                last = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK && JsonDocument.Parse(last).RootElement.GetProperty("relays").GetInt32() == relays)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Node {Name} was not ready with {relays} relays within {timeout} (last health: {last}).\n{Output()}");
    }

    /// <summary>An HTTP client with the admin key.</summary>
    public HttpClient Client(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", SalesCoachApp.AdminKey);
        return client;
    }

    /// <summary>The last lines the node printed.</summary>
    public string Output() => $"--- last output of node {Name} ---\n" + string.Join('\n', _output);

    /// <summary>SIGTERM, as <c>docker stop</c> or a service manager sends it: the node shuts down gracefully.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>Waits for the node's process to end; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hooks, no leaving the cluster, nothing graceful.</summary>
    public void Kill()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 0)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
