using System.Globalization;

namespace SalesCoach.Live.LoadGen;

/// <summary>The command line of the load generator.</summary>
internal sealed class LoadOptions
{
    public const string Usage = """
        SalesCoach.Live load generator: posts synthetic 'call' activities, holds SignalR clients, measures throughput,
        HTTP latency and post-to-screen latency, and checks the boards' totals at the end. Loopback only.

          dotnet run -c Release --project tools/SalesCoach.Live.LoadGen -- [options]

        Target
          --url URL            server to load (default http://127.0.0.1:5080); must be a loopback address
          --key KEY            API key with scopes ingest and read (admin); not needed with --start-server
          --start-server       start the built server (Release) as a child process on free loopback ports, with a
                               temp SQLite store, Demo:Enabled=false, a generated org file and an admin key; stop it
                               at the end (the normal way: the demo simulator cannot disturb the counts)
          --server-dll PATH    the server's dll (default src/SalesCoach.Live.Server/bin/Release/net10.0/...)
          --reps N             reps in the generated org (default 1000)
          --teams N            teams in the generated org, reps spread evenly (default 50)
          --storage sqlite|postgres   store of the started server (default sqlite)
          --pg CONN            Npgsql connection string for --storage postgres
          --nodes N            start N server processes that form one cluster on PostgreSQL (default 1; N > 1
                               needs --storage postgres); posts and clients are spread over the nodes in turn
          --keep               keep the started server's temp folder (store, org file, log)
          --keep-rate-limit    leave the started server's per-key ingest rate limit as configured (by default
                               it is lifted: RateLimits:Ingest:RequestsPerSecond and Burst = 1000000)

        Load
          --rate N             activities per second to post (default 1000; 0 = post nothing, hold clients only)
          --batch N            activities per POST, 1..5000 (default 10; 1 = single activity objects)
          --concurrency N      parallel posters (default 4)
          --duration S         seconds of load (default 30)
          --warmup S           first seconds of load that are posted but left out of the figures (default 0)
          --clients N          SignalR clients on /hubs/live, subscribed round-robin across teams (default 0)
          --connect-parallel N clients connecting at once (default 50)
          --settle S           seconds to wait after the last POST for the last deltas (default 5)
          --seed N             random seed for the choice of reps (default 1)
          --round-robin        post for the reps in turn instead of at random (every rep gets activities)

        Output
          --json FILE          write the summary as JSON
          --label TEXT         a label stored in the JSON summary
          --quiet              no progress lines
        """;

    public Uri Url { get; private set; } = new("http://127.0.0.1:5080");

    public string? Key { get; private set; }

    public bool StartServer { get; private set; }

    public string? ServerDll { get; private set; }

    public int Reps { get; private set; } = 1000;

    public int Teams { get; private set; } = 50;

    public string Storage { get; private set; } = "sqlite";

    public int Nodes { get; private set; } = 1;

    public string? Pg { get; private set; }

    public bool Keep { get; private set; }

    public bool KeepRateLimit { get; private set; }

    public double Rate { get; private set; } = 1000;

    public int Batch { get; private set; } = 10;

    public int Concurrency { get; private set; } = 4;

    public double Duration { get; private set; } = 30;

    public double Warmup { get; private set; }

    public int Clients { get; private set; }

    public int ConnectParallel { get; private set; } = 50;

    public double Settle { get; private set; } = 5;

    public int Seed { get; private set; } = 1;

    public bool RoundRobin { get; private set; }

    public string? Json { get; private set; }

    public string? Label { get; private set; }

    public bool Quiet { get; private set; }

    public bool Help { get; private set; }

    /// <summary>Parses <c>--name value</c>, <c>--name=value</c> and flags; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"{arg} needs a value");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "--help" or "-h" or "-?": o.Help = true; break;
                case "--url": o.Url = new Uri(Value().TrimEnd('/')); break;
                case "--key": o.Key = Value(); break;
                case "--start-server": o.StartServer = true; break;
                case "--server-dll": o.ServerDll = Value(); break;
                case "--reps": o.Reps = Int(arg, Value(), 1, 1_000_000); break;
                case "--teams": o.Teams = Int(arg, Value(), 1, 10_000); break;
                case "--storage": o.Storage = Value().ToLowerInvariant(); break;
                case "--pg": o.Pg = Value(); break;
                case "--nodes": o.Nodes = Int(arg, Value(), 1, 4); break;
                case "--keep": o.Keep = true; break;
                case "--keep-rate-limit": o.KeepRateLimit = true; break;
                case "--rate": o.Rate = Double(arg, Value(), 0, 10_000_000); break;
                case "--batch": o.Batch = Int(arg, Value(), 1, 5000); break;
                case "--concurrency": o.Concurrency = Int(arg, Value(), 1, 1024); break;
                case "--duration": o.Duration = Double(arg, Value(), 0.001, 86_400); break;
                case "--warmup": o.Warmup = Double(arg, Value(), 0, 86_400); break;
                case "--clients": o.Clients = Int(arg, Value(), 0, 100_000); break;
                case "--connect-parallel": o.ConnectParallel = Int(arg, Value(), 1, 10_000); break;
                case "--settle": o.Settle = Double(arg, Value(), 0, 600); break;
                case "--seed": o.Seed = Int(arg, Value(), int.MinValue, int.MaxValue); break;
                case "--round-robin": o.RoundRobin = true; break;
                case "--json": o.Json = Value(); break;
                case "--label": o.Label = Value(); break;
                case "--quiet": o.Quiet = true; break;
                default: throw new ArgumentException($"unknown option '{args[i]}' (see --help)");
            }
        }

        if (o.Help)
        {
            return o;
        }

        if (o.Storage is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException("--storage must be sqlite or postgres");
        }

        if (o.Storage == "postgres" && string.IsNullOrWhiteSpace(o.Pg))
        {
            throw new ArgumentException("--storage postgres needs --pg \"<Npgsql connection string>\"");
        }

        if (o.Nodes > 1 && (!o.StartServer || o.Storage != "postgres"))
        {
            throw new ArgumentException("--nodes above 1 needs --start-server and --storage postgres (the nodes meet in PostgreSQL)");
        }

        if (!o.StartServer && string.IsNullOrWhiteSpace(o.Key))
        {
            throw new ArgumentException("give --key (an API key with ingest and read), or --start-server");
        }

        if (o.Warmup >= o.Duration)
        {
            throw new ArgumentException("--warmup must be shorter than --duration");
        }

        if (!o.StartServer && !o.Url.IsLoopback)
        {
            // Load tests only ever target this machine.
            throw new ArgumentException($"--url must be a loopback address (127.0.0.1, localhost, [::1]), not {o.Url.Host}");
        }

        return o;
    }

    private static int Int(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{text}'");

    private static double Double(string name, string text, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new ArgumentException($"{name} must be a number from {min} to {max}, not '{text}'");
}
