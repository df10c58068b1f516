namespace SalesCoach.Live.Domain.Org;

/// <summary>The whole org: metrics and teams, with look-ups by id. Rep ids are unique across the org.</summary>
public sealed class Organization
{
    private readonly Dictionary<string, Metric> _metrics;
    private readonly Dictionary<string, Team> _teams;
    private readonly Dictionary<string, Rep> _reps;

    public Organization(IReadOnlyList<Metric> metrics, IReadOnlyList<Team> teams)
    {
        Metrics = metrics;
        Teams = teams;
        _metrics = metrics.ToDictionary(m => m.Key, StringComparer.Ordinal);
        _teams = teams.ToDictionary(t => t.Id, StringComparer.Ordinal);
        _reps = teams.SelectMany(t => t.Reps).ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Metric> Metrics { get; }

    public IReadOnlyList<Team> Teams { get; }

    public Metric? FindMetric(string key) => _metrics.GetValueOrDefault(key);

    public Team? FindTeam(string id) => _teams.GetValueOrDefault(id);

    public Rep? FindRep(string id) => _reps.GetValueOrDefault(id);

    /// <summary>The team of a known rep.</summary>
    public Team TeamOf(Rep rep) => _teams[rep.TeamId];
}
