using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace SalesCoach.Live.Storage.Schema;

/// <summary>
/// The schema scripts of one kind of database, embedded in an assembly under a resource prefix: every resource
/// <c>{prefix}NNN_name.sql</c>. Numbers are unique (two scripts with one number stop the load), and they give the order.
/// </summary>
public static partial class SchemaScripts
{
    /// <summary>The name of the table that records the applied scripts, in every database the runner manages.</summary>
    public const string VersionTable = "schema_versions";

    /// <summary>The PostgreSQL database: the scripts of <c>deploy/sql/postgres</c> (log, Orleans, feature tables).</summary>
    public static IReadOnlyList<SchemaScript> Postgres { get; } = Load(typeof(SchemaScripts).Assembly, "SalesCoach.Live.Storage.Postgres.Sql.");

    /// <summary>The embedded store's main file: the activity log and the feature tables (wallboards, dead letters, org).</summary>
    public static IReadOnlyList<SchemaScript> Sqlite { get; } = Load(typeof(SchemaScripts).Assembly, "SalesCoach.Live.Storage.Sqlite.Sql.");

    /// <summary>The scripts embedded in <paramref name="assembly"/> under <paramref name="resourcePrefix"/>, in number order.</summary>
    /// <exception cref="InvalidOperationException">There is none, a name is not <c>NNN_name.sql</c>, or two share a number.</exception>
    public static IReadOnlyList<SchemaScript> Load(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(resourcePrefix, StringComparison.Ordinal))
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return (Name: name[resourcePrefix.Length..], Sql: reader.ReadToEnd());
            })
            .ToList();
        return scripts.Count == 0
            ? throw new InvalidOperationException($"No schema scripts are embedded under '{resourcePrefix}' in {assembly.GetName().Name}.")
            : Order(scripts);
    }

    /// <summary>Checks and orders named scripts: <c>NNN_name.sql</c>, each number once.</summary>
    /// <exception cref="InvalidOperationException">A name is not <c>NNN_name.sql</c>, or two share a number.</exception>
    public static IReadOnlyList<SchemaScript> Order(IEnumerable<(string Name, string Sql)> scripts)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var ordered = new SortedDictionary<int, SchemaScript>();
        foreach (var (name, sql) in scripts)
        {
            if (FileName().Match(name) is not { Success: true } match)
            {
                throw new InvalidOperationException($"Schema script '{name}' is not named NNN_name.sql (three digits, lower-case words).");
            }

            var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
            if (ordered.TryGetValue(version, out var other))
            {
                throw new InvalidOperationException($"Schema scripts '{other.Name}' and '{name}' share the number {version:000}; every script needs a number of its own.");
            }

            var adopt = AdoptLine().Match(sql);
            ordered.Add(version, new SchemaScript(version, name, sql, adopt.Success ? adopt.Groups["table"].Value : null));
        }

        return [.. ordered.Values];
    }

    [GeneratedRegex(@"^(?<version>\d{3})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^--\s*adopt-if-table:\s*(?<table>[a-z_][a-z0-9_]*)\s*$", RegexOptions.Multiline)]
    private static partial Regex AdoptLine();
}
