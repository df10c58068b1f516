using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoach.Live.LoadGen;

/// <summary>What a run measured; printed as a table and written as JSON with <c>--json</c>.</summary>
internal sealed class RunSummary
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? Label { get; set; }

    public DateTimeOffset At { get; set; } = DateTimeOffset.UtcNow;

    public SummaryOptions Options { get; set; } = new();

    public MachineInfo Machine { get; set; } = new();

    public ServerFigures? Server { get; set; }

    public LoadFigures Load { get; set; } = new();

    public HubFigures? Hub { get; set; }

    public ClientFigures? Client { get; set; }

    public TotalsFigures Totals { get; set; } = new();

    public IReadOnlyDictionary<string, long> Errors { get; set; } = new Dictionary<string, long>();

    public Task WriteJsonAsync(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        return File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");
    }

    public void Print()
    {
        var c = CultureInfo.InvariantCulture;
        var rows = new List<(string, string)>
        {
            ("load", string.Create(c, $"rate {Options.Rate}/s, batch {Options.Batch}, concurrency {Options.Concurrency}, {Options.Duration} s (warm-up {Options.Warmup} s), {Options.Clients} clients")),
            ("requests / activities", string.Create(c, $"{Load.Requests} POSTs, {Load.Posted} posted, {Load.Accepted} accepted, {Load.Duplicates} duplicates")),
            ("ingest throughput", string.Create(c, $"{Load.AcceptedPerSecond:F0} accepted activities/s (from 202s, over {Load.MeasuredSeconds:F1} s)")),
            ("HTTP latency", Percentiles(Load.Http)),
            ("post-to-screen", Percentiles(Load.PostToScreen)),
            ("  to the team's 1st client", Percentiles(Load.PostToFirst)),
            ("  1st client to this one", Percentiles(Load.FirstToThis)),
            ("not seen at the end", string.Create(c, $"{Load.UnseenAtEnd} activity x client deliveries")),
            ("hub clients", string.Create(c, $"{Hub?.ConnectedAtEnd ?? 0} of {Options.Clients} connected at the end (connect took {Hub?.ConnectSeconds ?? 0:F1} s), {Hub?.Gaps ?? 0} version gaps")),
            ("errors", Errors.Count == 0 ? "none" : string.Join(", ", Errors.Select(e => $"{e.Key}: {e.Value}"))),
        };
        if (Server is not null)
        {
            rows.Add(("server", string.Create(c, $"{Options.Storage}, {Options.Nodes} node(s){(Options.Nodes > 1 ? "; memory and CPU summed over the nodes" : "")}")));
            rows.Add(("server start-up", string.Create(c, $"{Server.StartupMs:F0} ms to the first 200 from /healthz")));
            rows.Add(("server memory (RSS)", string.Create(c, $"start {Server.RssAtStartMb:F0} MB, after connect {Server.RssAfterConnectMb:F0} MB, end {Server.RssAtEndMb:F0} MB, peak {Server.PeakRssMb:F0} MB")));
            rows.Add(("CPU during the load", string.Create(c, $"server {Server.CpuSeconds:F1} s, load generator {Client?.CpuSeconds:F1} s, over {Load.Seconds:F1} s on {Machine.ProcessorCount} cores")));
        }
        else if (Client is not null)
        {
            rows.Add(("CPU during the load", string.Create(c, $"load generator {Client.CpuSeconds:F1} s over {Load.Seconds:F1} s")));
        }

        rows.Add(("load average", $"{Machine.LoadAverageAtStart} at start, {Machine.LoadAverageAtEnd} at end"));
        rows.Add(("totals check", string.Create(c, $"{(Totals.Pass ? "PASS" : "FAIL")}: boards show {Totals.OnBoards} calls today, expected {Totals.Expected} ({Totals.Baseline} before + {Totals.Acknowledged} acknowledged)")));

        var width = rows.Max(r => r.Item1.Length);
        Console.WriteLine();
        Console.WriteLine("== Summary" + (Label is null ? "" : $" ({Label})"));
        foreach (var (name, value) in rows)
        {
            Console.WriteLine($"  {name.PadRight(width)}  {value}");
        }

        Console.WriteLine();
        Console.WriteLine(Totals.Pass ? "PASS" : "FAIL");
    }

    private static string Percentiles(LatencySummary s) => s.Count == 0
        ? "no samples"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {s.P50:F1} ms, p95 {s.P95:F1} ms, p99 {s.P99:F1} ms, max {s.Max:F1} ms ({s.Count} samples)");
}

internal sealed class SummaryOptions
{
    public string Url { get; set; } = "";

    public bool StartServer { get; set; }

    public string Storage { get; set; } = "";

    /// <summary>Server processes started (a cluster when more than one); 0 for an external server.</summary>
    public int Nodes { get; set; }

    public int Reps { get; set; }

    public int Teams { get; set; }

    public double Rate { get; set; }

    public int Batch { get; set; }

    public int Concurrency { get; set; }

    public double Duration { get; set; }

    public double Warmup { get; set; }

    public int Clients { get; set; }

    public bool RoundRobin { get; set; }

    public static SummaryOptions From(LoadOptions o) => new()
    {
        Url = o.StartServer ? "(started)" : o.Url.ToString(),
        StartServer = o.StartServer,
        Storage = o.StartServer ? o.Storage : "(external)",
        Nodes = o.StartServer ? o.Nodes : 0,
        Reps = o.Reps,
        Teams = o.Teams,
        Rate = o.Rate,
        Batch = o.Batch,
        Concurrency = o.Concurrency,
        Duration = o.Duration,
        Warmup = o.Warmup,
        Clients = o.Clients,
        RoundRobin = o.RoundRobin,
    };
}

internal sealed class MachineInfo
{
    public int ProcessorCount { get; set; }

    public string Os { get; set; } = "";

    public string Runtime { get; set; } = "";

    public string LoadAverageAtStart { get; set; } = "";

    public string LoadAverageAtEnd { get; set; } = "";

    public static MachineInfo Read() => new()
    {
        ProcessorCount = Environment.ProcessorCount,
        Os = RuntimeInformation.OSDescription,
        Runtime = RuntimeInformation.FrameworkDescription,
        LoadAverageAtStart = LoadAverage(),
    };

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "";
        }
    }
}

internal sealed class ServerFigures
{
    public int Pid { get; set; }

    public double StartupMs { get; set; }

    public double? RssAtStartMb { get; set; }

    public double? RssAfterConnectMb { get; set; }

    public double? RssAtEndMb { get; set; }

    public double? PeakRssMb { get; set; }

    public double? CpuSeconds { get; set; }
}

internal sealed class LoadFigures
{
    public double Seconds { get; set; }

    public double MeasuredSeconds { get; set; }

    public long Requests { get; set; }

    public long Posted { get; set; }

    public long Accepted { get; set; }

    public long Duplicates { get; set; }

    public double AcceptedPerSecond { get; set; }

    public LatencySummary Http { get; set; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public LatencySummary PostToScreen { get; set; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Activities seen in deltas: from the POST to the first of the team's clients to get the delta.</summary>
    public LatencySummary PostToFirst { get; set; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Activities seen in deltas: from the first of the team's clients to get the delta to this client.</summary>
    public LatencySummary FirstToThis { get; set; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public long UnseenAtEnd { get; set; }

    public long ForeignObservations { get; set; }
}

internal sealed class HubFigures
{
    public int Requested { get; set; }

    public long ConnectedAtEnd { get; set; }

    public double ConnectSeconds { get; set; }

    public long Gaps { get; set; }
}

internal sealed class ClientFigures
{
    public double CpuSeconds { get; set; }

    public double? RssMb { get; set; }
}

internal sealed class TotalsFigures
{
    public long Baseline { get; set; }

    public long Acknowledged { get; set; }

    public long Expected { get; set; }

    public long OnBoards { get; set; }

    public bool Pass { get; set; }

    public double CheckedAfterSeconds { get; set; }
}
