namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// The options of <c>import &lt;file.csv&gt; [--dry-run] [--rejects &lt;file&gt;] [--batch-size &lt;n&gt;]</c>; every other
/// argument is configuration, as for the server (<c>--Storage:Provider Postgres</c>, <c>--Org:File my-org.json</c>).
/// </summary>
public sealed record ImportOptions
{
    /// <summary>Rows per transaction of the log (and per validation pass).</summary>
    public const int DefaultBatchSize = 1000;

    public required string File { get; init; }

    /// <summary>Validate every row and record nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Where rejected rows go, with their line and reason: by default beside the file, as <c>&lt;name&gt;.rejected.csv</c>.</summary>
    public required string RejectsFile { get; init; }

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>The arguments left for configuration.</summary>
    public IReadOnlyList<string> ConfigurationArgs { get; init; } = [];

    /// <summary>Reads the arguments after <c>import</c>; null with a message when they do not make sense.</summary>
    public static ImportOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        error = "";
        string? file = null;
        string? rejects = null;
        var dryRun = false;
        var batchSize = DefaultBatchSize;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--rejects" when i + 1 < args.Count:
                    rejects = args[++i];
                    break;
                case "--batch-size" when i + 1 < args.Count:
                    if (!int.TryParse(args[++i], System.Globalization.CultureInfo.InvariantCulture, out batchSize) || batchSize is < 1 or > Ingest.IngestLimits.MaxBatch)
                    {
                        error = $"--batch-size must be a whole number from 1 to {Ingest.IngestLimits.MaxBatch}.";
                        return null;
                    }

                    break;
                case "--rejects" or "--batch-size":
                    error = $"{arg} needs a value.";
                    return null;
                default:
                    if (arg.StartsWith('-'))
                    {
                        // Configuration: --Key value or --Key=value.
                        rest.Add(arg);
                        if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                        {
                            rest.Add(args[++i]);
                        }
                    }
                    else if (file is null)
                    {
                        file = arg;
                    }
                    else
                    {
                        error = $"Only one file can be imported at a time; '{arg}' is a second one.";
                        return null;
                    }

                    break;
            }
        }

        if (file is null)
        {
            error = "Name the CSV file to import.";
            return null;
        }

        var fullPath = Resolve(file);
        return new ImportOptions
        {
            File = fullPath,
            DryRun = dryRun,
            RejectsFile = rejects is null ? Path.Combine(Path.GetDirectoryName(fullPath)!, Path.GetFileNameWithoutExtension(fullPath) + ".rejected.csv") : Resolve(rejects),
            BatchSize = batchSize,
            ConfigurationArgs = rest,
        };
    }

    /// <summary>
    /// A full path for a path given on the command line. <c>dotnet run --project</c> starts the program in the project's
    /// folder, not in the caller's, so a relative path is taken from the caller's shell folder (<c>PWD</c>) when there is one.
    /// </summary>
    public static string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }

        var shell = Environment.GetEnvironmentVariable("PWD");
        return Path.GetFullPath(!string.IsNullOrEmpty(shell) && Directory.Exists(shell) ? Path.Combine(shell, path) : path);
    }
}
