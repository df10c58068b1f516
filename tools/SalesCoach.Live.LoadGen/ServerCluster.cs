namespace SalesCoach.Live.LoadGen;

/// <summary>
/// The servers started by the load generator: one, or <c>--nodes</c> processes that form one Orleans cluster on
/// PostgreSQL. Figures are for the whole cluster: memory and CPU are summed over the nodes.
/// </summary>
internal sealed class ServerCluster : IAsyncDisposable
{
    private readonly List<ServerProcess> _nodes;

    private ServerCluster(List<ServerProcess> nodes) => _nodes = nodes;

    public IReadOnlyList<Uri> Urls => _nodes.Select(n => n.Url).ToList();

    public Uri Url => _nodes[0].Url;

    public string Key => _nodes[0].Key;

    public int Pid => _nodes[0].Process.Id;

    public string Pids => string.Join(",", _nodes.Select(n => n.Process.Id));

    public string LogPath => _nodes[0].LogPath;

    /// <summary>The slowest node's start-up (they start one after another).</summary>
    public TimeSpan StartupTime => _nodes.Max(n => n.StartupTime);

    public static async Task<ServerCluster> StartAsync(LoadOptions options, HttpClient http, CancellationToken cancellationToken)
    {
        var nodes = new List<ServerProcess>();
        try
        {
            nodes.Add(await ServerProcess.StartAsync(options, http, cancellationToken));
            for (var i = 1; i < options.Nodes; i++)
            {
                nodes.Add(await ServerProcess.StartAsync(options, http, cancellationToken, nodes[0]));
            }

            return new ServerCluster(nodes);
        }
        catch
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            throw;
        }
    }

    public (double RssMb, double PeakRssMb)? Memory()
    {
        var figures = _nodes.Select(n => n.Memory()).ToList();
        return figures.Any(f => f is null) ? null : (figures.Sum(f => f!.Value.RssMb), figures.Sum(f => f!.Value.PeakRssMb));
    }

    public TimeSpan? CpuTime()
    {
        var figures = _nodes.Select(n => n.CpuTime()).ToList();
        return figures.Any(f => f is null) ? null : TimeSpan.FromTicks(figures.Sum(f => f!.Value.Ticks));
    }

    public async ValueTask DisposeAsync()
    {
        // The last node first, so the first keeps the grains it has until the end.
        for (var i = _nodes.Count - 1; i >= 0; i--)
        {
            await _nodes[i].DisposeAsync();
        }
    }
}
