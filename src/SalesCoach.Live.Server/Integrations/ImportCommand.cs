using System.Data.Common;
using System.Globalization;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Server.OrgSetup;
using SalesCoach.Live.Storage;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Org;
using SalesCoach.Live.Storage.Sqlite;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// <c>dotnet run --project src/SalesCoach.Live.Server -- import activities.csv [--dry-run] [--rejects rejected.csv]</c>:
/// backfills history from a CSV file. It reads the server's configuration (appsettings, environment, the other
/// arguments) for the store and the org, starts neither the web server, the silo nor the demo, validates every row as
/// <c>POST /api/activities</c> does and appends to the same durable, idempotent log. Grains read the log when they
/// activate (and a running node's grains find the new activities on their next 30-second check), so boards show the
/// history without the import talking to them. Exit code: 0 when every row was taken (new or duplicate), 2 when some
/// were rejected, 1 when the import could not run.
/// </summary>
public static class ImportCommand
{
    public const string Name = "import";

    /// <summary>True when the arguments ask for an import rather than the server.</summary>
    public static bool Matches(string[] args) => args is [Name, ..];

    /// <summary>Runs the import on the console (Ctrl+C stops it after the batch in flight).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected, cancel.Token);
    }

    /// <summary>Runs the import with the given output (the tests' entry).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, bool interactive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (ImportOptions.Parse(args.Skip(Matches(args) ? 1 : 0).ToList(), out var problem) is not { } options)
        {
            errors.WriteLine($"import: {problem}");
            errors.WriteLine("usage: import <activities.csv> [--dry-run] [--rejects <rejected.csv>] [--batch-size <n>] [--Storage:Provider Postgres ...]");
            return 1;
        }

        if (!File.Exists(options.File))
        {
            errors.WriteLine($"import: there is no file {options.File}");
            return 1;
        }

        // The server's own configuration sources (appsettings.json, appsettings.{Environment}.json, environment
        // variables, the command line), so the import writes where the server reads. Nothing is built or started.
        var configuration = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. options.ConfigurationArgs] }).Configuration;
        Organization org;
        string orgDocument;
        try
        {
            orgDocument = configuration["Org:File"] is { Length: > 0 } orgFile ? File.ReadAllText(orgFile) : DemoOrg.Json;
            org = OrgFile.Parse(orgDocument, configuration["Org:File"] is { Length: > 0 } name ? name : "demo-org.json");
        }
        catch (Exception e) when (e is OrgFileException or IOException)
        {
            errors.WriteLine($"import: {e.Message}");
            return 1;
        }

        var services = new ServiceCollection().AddSingleton(TimeProvider.System);
        if (!options.DryRun)
        {
            try
            {
                services.AddActivityLog(configuration);
                services.AddOrgStore(configuration);
            }
            catch (InvalidOperationException e)
            {
                errors.WriteLine($"import: {e.Message}");
                return 1;
            }
        }

        await using var provider = services.BuildServiceProvider();
        // An embedded store that does not exist yet has no stored org (and must not be created before the file is read).
        var storeExists = provider.GetService<SqliteStorageOptions>() is not { } sqlite || File.Exists(Path.GetFullPath(sqlite.Path));
        if (!options.DryRun && storeExists && await StoredOrgAsync(provider.GetRequiredService<IOrgStore>(), orgDocument, cancellationToken) is { } stored)
        {
            // The server runs the stored org (admins may have edited it) unless the file changed since: validate alike.
            org = stored;
        }

        var importer = new ActivityImporter(new ActivityRules(org, TimeProvider.System), options.DryRun ? null : provider.GetRequiredService<IActivityLog>());
        errors.WriteLine(options.DryRun
            ? $"import: dry run of {options.File}: validating only, nothing is recorded"
            : $"import: {options.File} into the {provider.GetRequiredService<StorageSettings>().Describe()}");
        ImportSummary summary;
        try
        {
            var progress = new ImportProgress(errors, new FileInfo(options.File).Length, interactive);
            summary = await importer.ImportAsync(options, progress, errors, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            errors.WriteLine($"import: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
        {
            errors.WriteLine();
            errors.WriteLine($"import: the store failed ({e.Message}). What was acknowledged is recorded; run the same import again to finish (ids make it safe).");
            return 1;
        }
        catch (OperationCanceledException)
        {
            errors.WriteLine();
            errors.WriteLine("import: stopped. Run the same import again to finish (ids make it safe).");
            return 1;
        }

        WriteSummary(output, options, summary);
        return summary.Rejected > 0 ? 2 : 0;
    }

    /// <summary>The stored org the server would run with this org file (the start-up rule of <c>OrgStartup</c>), or null.</summary>
    private static async Task<Organization?> StoredOrgAsync(IOrgStore store, string orgDocument, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetLatestAsync(cancellationToken) is { } latest && latest.FileHash == OrgSource.HashOf(orgDocument)
                ? OrgFile.Parse(latest.Document, $"org revision {latest.Revision}")
                : null;
        }
        catch (Exception e) when (e is DbException or OrgFileException)
        {
            return null;
        }
    }

    private static void WriteSummary(TextWriter output, ImportOptions options, ImportSummary summary)
    {
        output.WriteLine(summary.DryRun ? $"Dry run of {options.File} (nothing was recorded):" : $"Imported {options.File}:");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rows read   {summary.RowsRead,10:N0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  accepted    {summary.Accepted,10:N0}{(summary.DryRun ? "  (valid, would be recorded unless already in the log)" : "")}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  duplicates  {summary.Duplicates,10:N0}{(summary.DryRun ? "  (ids repeated in the file)" : "  (ids already in the log: not added again)")}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rejected    {summary.Rejected,10:N0}{(summary.RejectsFile is { } file ? $"  (with reasons in {file})" : "")}"));
    }
}
