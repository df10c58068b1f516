namespace SalesCoach.Live.Storage.Schema;

/// <summary>
/// Decides, for both stores alike, what a run does: the scripts not yet recorded run in number order; on a database
/// made before the runner (no <c>schema_versions</c> table yet) a script whose <see cref="SchemaScript.AdoptIfTable"/>
/// exists is recorded instead of run, because the older code created exactly those objects. A database that records
/// a script this build does not have was written by a newer build, and is refused rather than misread.
/// </summary>
internal static class SchemaPlan
{
    public static (IReadOnlyList<SchemaScript> Run, IReadOnlyList<SchemaScript> Adopt) Make(
        IReadOnlyList<SchemaScript> scripts,
        IReadOnlySet<int>? recorded,
        Func<string, bool> tableExists,
        string database)
    {
        var known = scripts.Select(s => s.Version).ToHashSet();
        if (recorded?.Where(v => !known.Contains(v)).DefaultIfEmpty().Max() is { } unknown and > 0)
        {
            throw new InvalidOperationException(
                $"The database {database} records schema script {unknown:000}, which this build does not have " +
                $"(it knows {scripts[0].Version:000} to {scripts[^1].Version:000}); it was made by a newer version.");
        }

        var run = new List<SchemaScript>();
        var adopt = new List<SchemaScript>();
        foreach (var script in scripts)
        {
            if (recorded is not null)
            {
                if (!recorded.Contains(script.Version))
                {
                    run.Add(script);
                }
            }
            else if (script.AdoptIfTable is { } table && tableExists(table))
            {
                adopt.Add(script);
            }
            else
            {
                run.Add(script);
            }
        }

        return (run, adopt);
    }
}
