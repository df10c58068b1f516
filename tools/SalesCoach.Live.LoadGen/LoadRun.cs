using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace SalesCoach.Live.LoadGen;

/// <summary>One run: start the server (optionally), learn the org, connect clients, post, settle, check, report.</summary>
internal sealed class LoadRun(LoadOptions options)
{
    private readonly RunStats _stats = new();
    private readonly List<LiveClient> _clients = [];
    private ServerCluster? _server;
    private double _serverPeakRssMb;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var summary = new RunSummary { Label = options.Label, Options = SummaryOptions.From(options) };
        summary.Machine = MachineInfo.Read();
        using var handler = new SocketsHttpHandler
        {
            // The posters and the few reads share one pool; the hub clients use WebSockets of their own.
            MaxConnectionsPerServer = options.Concurrency + 4,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseProxy = false,
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(120) };

        Uri url;
        string key;
        try
        {
            if (options.StartServer)
            {
                Console.WriteLine($"Starting the server ({options.Storage}, {options.Nodes} node(s), {options.Reps} reps in {options.Teams} teams)...");
                _server = await ServerCluster.StartAsync(options, http, cancellationToken);
                url = _server.Url;
                key = _server.Key;
                summary.Server = new ServerFigures { StartupMs = Math.Round(_server.StartupTime.TotalMilliseconds, 1), Pid = _server.Pid };
                Console.WriteLine($"Server pid(s) {_server.Pids} on {string.Join(", ", _server.Urls)} healthy after {_server.StartupTime.TotalMilliseconds:F0} ms (log: {_server.LogPath})");
                SampleServer();
                summary.Server.RssAtStartMb = Round(_server.Memory()?.RssMb);
            }
            else
            {
                url = options.Url;
                key = options.Key!;
            }

            var teams = await DiscoverAsync(http, url, key, cancellationToken);
            var reps = teams.SelectMany(t => t.Reps).ToArray();
            var baseline = reps.Sum(r => r.Baseline);
            Console.WriteLine($"{teams.Count} teams, {reps.Length} reps, call count today before the run: {baseline}");
            if (reps.Length == 0)
            {
                throw new InvalidOperationException("The server has no reps to post for.");
            }

            await ConnectClientsAsync(url, key, teams, summary, cancellationToken);
            if (summary.Server is not null)
            {
                summary.Server.RssAfterConnectMb = Round(_server?.Memory()?.RssMb);
            }

            var serverCpuBefore = _server?.CpuTime();
            var selfCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            _stats.MeasureStart = start + (long)(options.Warmup * Stopwatch.Frequency);
            using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var progress = PrintProgressAsync(start, progressStop.Token);

            if (options.Rate > 0)
            {
                await new Poster(options, http, _server?.Urls ?? [url], key, reps, _stats).RunAsync(start, cancellationToken);
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Duration), cancellationToken);
            }

            var postingEnded = Stopwatch.GetTimestamp();
            await SettleAsync(cancellationToken);
            await progressStop.CancelAsync();
            await progress;

            var elapsed = Stopwatch.GetElapsedTime(start, postingEnded).TotalSeconds;
            var measuredSeconds = _stats.LastAck > _stats.MeasureStart
                ? Stopwatch.GetElapsedTime(_stats.MeasureStart, _stats.LastAck).TotalSeconds
                : 0;
            summary.Load = new LoadFigures
            {
                Seconds = Math.Round(elapsed, 2),
                MeasuredSeconds = Math.Round(measuredSeconds, 2),
                Requests = _stats.Requests,
                Posted = _stats.Posted,
                Accepted = _stats.Accepted,
                Duplicates = _stats.Duplicates,
                AcceptedPerSecond = measuredSeconds > 0 ? Math.Round(_stats.AcceptedMeasured / measuredSeconds, 1) : 0,
                Http = _stats.Http.Summarise(),
                PostToScreen = _stats.PostToScreen.Summarise(),
                PostToFirst = _stats.PostToFirst.Summarise(),
                FirstToThis = _stats.FirstToThis.Summarise(),
                UnseenAtEnd = _clients.Sum(c => c.Unseen()),
                ForeignObservations = _stats.Foreign,
            };
            summary.Hub = new HubFigures
            {
                Requested = options.Clients,
                ConnectedAtEnd = _stats.Connected,
                Gaps = _stats.Gaps,
                ConnectSeconds = summary.Hub?.ConnectSeconds ?? 0,
            };
            summary.Client = new ClientFigures
            {
                CpuSeconds = Math.Round((Process.GetCurrentProcess().TotalProcessorTime - selfCpuBefore).TotalSeconds, 1),
                RssMb = Round(ProcStatus.Memory(Environment.ProcessId)?.RssMb),
            };
            if (_server is not null && summary.Server is not null)
            {
                SampleServer();
                var memory = _server.Memory();
                summary.Server.RssAtEndMb = Round(memory?.RssMb);
                summary.Server.PeakRssMb = Round(Math.Max(_serverPeakRssMb, memory?.PeakRssMb ?? 0));
                if (_server.CpuTime() is { } cpu && serverCpuBefore is { } before)
                {
                    summary.Server.CpuSeconds = Math.Round((cpu - before).TotalSeconds, 1);
                }
            }

            summary.Totals = await CheckTotalsAsync(http, url, key, teams, baseline, cancellationToken);
            summary.Errors = _stats.Errors;
            summary.Machine.LoadAverageAtEnd = MachineInfo.LoadAverage();
            summary.Print();
            if (options.Json is not null)
            {
                await summary.WriteJsonAsync(options.Json);
                Console.WriteLine($"Summary written to {options.Json}");
            }

            return summary.Totals.Pass ? 0 : 1;
        }
        finally
        {
            await DisconnectClientsAsync();
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }

    private static async Task<List<TeamTrack>> DiscoverAsync(HttpClient http, Uri url, string key, CancellationToken cancellationToken)
    {
        var teamIds = new List<string>();
        using (var teamsJson = await GetJsonAsync(http, new Uri(url, "/api/teams"), key, cancellationToken))
        {
            foreach (var team in teamsJson.RootElement.EnumerateArray())
            {
                teamIds.Add(team.GetProperty("id").GetString()!);
            }
        }

        var teams = new List<TeamTrack>();
        foreach (var teamId in teamIds)
        {
            using var board = await GetBoardAsync(http, url, key, teamId, cancellationToken);
            var reps = new List<RepTrack>();
            foreach (var row in board.RootElement.GetProperty("reps").EnumerateArray())
            {
                reps.Add(new RepTrack(row.GetProperty("repId").GetString()!, teamId, reps.Count, CallActual(row)));
            }

            teams.Add(new TeamTrack(teamId, reps));
        }

        return teams;
    }

    private async Task ConnectClientsAsync(Uri url, string key, List<TeamTrack> teams, RunSummary summary, CancellationToken cancellationToken)
    {
        if (options.Clients == 0)
        {
            summary.Hub = new HubFigures();
            return;
        }

        Console.WriteLine($"Connecting {options.Clients} SignalR clients ({options.ConnectParallel} at a time)...");
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(options.ConnectParallel);
        var tasks = new List<Task>();
        for (var i = 0; i < options.Clients; i++)
        {
            var urls = _server?.Urls ?? [url];
            var client = new LiveClient(urls[i % urls.Count], key, teams[i % teams.Count], _stats);
            _clients.Add(client);
            await gate.WaitAsync(cancellationToken);
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await client.StartAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    _stats.Error($"hub-connect ({e.GetType().Name})");
                }
                finally
                {
                    gate.Release();
                }
            }, cancellationToken));
            if (!options.Quiet && (i + 1) % 1000 == 0)
            {
                Console.WriteLine($"  {i + 1} started, {_stats.Connected} subscribed");
            }
        }

        await Task.WhenAll(tasks);
        summary.Hub = new HubFigures { ConnectSeconds = Math.Round(clock.Elapsed.TotalSeconds, 2) };
        Console.WriteLine($"{_stats.Connected} of {options.Clients} clients connected and subscribed in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private async Task DisconnectClientsAsync()
    {
        using var gate = new SemaphoreSlim(100);
        await Task.WhenAll(_clients.Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                await c.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>After the last POST: wait until every client has seen every acknowledged activity of its team, or the settle time is up.</summary>
    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(options.Settle * Stopwatch.Frequency);
        while (_clients.Count > 0 && Stopwatch.GetTimestamp() < until && _clients.Sum(c => c.Unseen()) > 0)
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The boards' call counts of today must equal exactly what was there before plus what was acknowledged.</summary>
    private async Task<TotalsFigures> CheckTotalsAsync(HttpClient http, Uri url, string key, List<TeamTrack> teams, long baseline, CancellationToken cancellationToken)
    {
        var expected = baseline + _stats.Accepted;
        var clock = Stopwatch.StartNew();
        long observed = 0;
        while (true)
        {
            observed = 0;
            foreach (var team in teams)
            {
                using var board = await GetBoardAsync(http, url, key, team.Id, cancellationToken);
                foreach (var row in board.RootElement.GetProperty("reps").EnumerateArray())
                {
                    observed += CallActual(row);
                }
            }

            // The first read should already match (a 202 means the grains have the batch); allow the rep grains'
            // 30-second catch-up tick before calling it a failure, and report when it matched.
            if (observed == expected || clock.Elapsed > TimeSpan.FromSeconds(40))
            {
                break;
            }

            await Task.Delay(1000, cancellationToken);
        }

        var pass = observed == expected;
        return new TotalsFigures
        {
            Baseline = baseline,
            Acknowledged = _stats.Accepted,
            Expected = expected,
            OnBoards = observed,
            Pass = pass,
            CheckedAfterSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        };
    }

    private async Task PrintProgressAsync(long start, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        long lastAccepted = 0;
        var lastCpu = _server?.CpuTime();
        var lastWall = Stopwatch.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var accepted = _stats.Accepted;
                var now = Stopwatch.GetTimestamp();
                var wall = Stopwatch.GetElapsedTime(lastWall, now).TotalSeconds;
                var server = "";
                if (_server is not null)
                {
                    SampleServer();
                    var cpu = _server.CpuTime();
                    var cpuPercent = cpu is { } c && lastCpu is { } l ? (c - l).TotalSeconds / wall * 100 : 0;
                    lastCpu = cpu;
                    server = $"  server {_server.Memory()?.RssMb ?? 0:F0} MB cpu {cpuPercent:F0}%";
                }

                lastWall = now;
                if (!options.Quiet)
                {
                    var http = _stats.Http;
                    var screen = _stats.PostToScreen;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"[{Stopwatch.GetElapsedTime(start, now).TotalSeconds,5:F0}s] acked {accepted,9} (+{(accepted - lastAccepted) / wall,7:F0}/s)" +
                        $"  http p50 {http.PercentileMs(0.5),6:F1} p99 {http.PercentileMs(0.99),7:F1} ms" +
                        $"  screen p50 {screen.PercentileMs(0.5),6:F1} p99 {screen.PercentileMs(0.99),7:F1} ms" +
                        $"  clients {_stats.Connected}  errors {_stats.ErrorCount}{server}"));
                }

                lastAccepted = accepted;
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    private void SampleServer()
    {
        if (_server?.Memory() is { } memory)
        {
            _serverPeakRssMb = Math.Max(_serverPeakRssMb, Math.Max(memory.RssMb, memory.PeakRssMb));
        }
    }

    private static long CallActual(JsonElement row) =>
        row.TryGetProperty("metrics", out var metrics) && metrics.TryGetProperty("call", out var call)
        && call.TryGetProperty("actual", out var actual)
            ? (long)actual.GetDouble()
            : 0;

    private static Task<JsonDocument> GetBoardAsync(HttpClient http, Uri url, string key, string teamId, CancellationToken cancellationToken) =>
        GetJsonAsync(http, new Uri(url, $"/api/teams/{Uri.EscapeDataString(teamId)}/board"), key, cancellationToken);

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, Uri uri, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {uri.AbsolutePath} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return await response.Content.ReadFromJsonAsync<JsonDocument>(cancellationToken)
            ?? throw new InvalidOperationException($"GET {uri.AbsolutePath} answered no JSON.");
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
