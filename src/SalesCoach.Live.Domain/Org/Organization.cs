namespace SalesCoach.Live.Domain.Org;

/// <summary>
/// The whole org: metrics and teams, with look-ups by id. Rep ids are unique across the org.
/// The org can be replaced while the product runs (an admin edits it): everything it holds sits in one immutable
/// snapshot that <see cref="Apply"/> swaps atomically, so a reader sees either the old org or the new one, never a
/// mix. Consumers keep a reference to this object and look things up when they need them; those that cache a team or
/// rep compare <see cref="Revision"/> with the one they cached and look again when it moved.
/// </summary>
public sealed class Organization
{
    private readonly Lock _applying = new();
    private volatile Snapshot _current;

    public Organization(IReadOnlyList<Metric> metrics, IReadOnlyList<Team> teams)
    {
        _current = new Snapshot(metrics, teams, 0);
    }

    /// <summary>
    /// The stored revision this org is (0 until one is applied). It only grows: grains and caches compare it with the
    /// revision they were built on.
    /// </summary>
    public long Revision => _current.Revision;

    public IReadOnlyList<Metric> Metrics => _current.Metrics;

    public IReadOnlyList<Team> Teams => _current.Teams;

    public Metric? FindMetric(string key) => _current.MetricByKey.GetValueOrDefault(key);

    public Team? FindTeam(string id) => _current.TeamById.GetValueOrDefault(id);

    public Rep? FindRep(string id) => _current.RepById.GetValueOrDefault(id);

    /// <summary>
    /// The rep whose e-mail is <paramref name="email"/>, compared ignoring case and surrounding spaces (how connectors
    /// match a vendor user to a rep); null when no rep has it.
    /// </summary>
    public Rep? FindRepByEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : _current.RepByEmail.GetValueOrDefault(email.Trim());

    /// <summary>The team of a known rep.</summary>
    public Team TeamOf(Rep rep) => _current.TeamById[rep.TeamId];

    /// <summary>
    /// Replaces the whole org with <paramref name="next"/>'s metrics and teams as revision <paramref name="revision"/>.
    /// A revision not newer than the current one is ignored (two paths, a save and a poll, may bring the same one),
    /// so the result says whether the org changed.
    /// </summary>
    public bool Apply(Organization next, long revision)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_applying)
        {
            if (revision <= _current.Revision)
            {
                return false;
            }

            var incoming = next._current;
            _current = new Snapshot(incoming.Metrics, incoming.Teams, revision);
        }

        return true;
    }

    /// <summary>Everything the org holds at one revision; never changed once built.</summary>
    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyList<Metric> metrics, IReadOnlyList<Team> teams, long revision)
        {
            Metrics = metrics;
            Teams = teams;
            Revision = revision;
            MetricByKey = metrics.ToDictionary(m => m.Key, StringComparer.Ordinal);
            TeamById = teams.ToDictionary(t => t.Id, StringComparer.Ordinal);
            RepById = teams.SelectMany(t => t.Reps).ToDictionary(r => r.Id, StringComparer.Ordinal);
            RepByEmail = new Dictionary<string, Rep>(StringComparer.OrdinalIgnoreCase);
            foreach (var rep in teams.SelectMany(t => t.Reps).Where(r => !string.IsNullOrWhiteSpace(r.Email)))
            {
                // The org file refuses a duplicate; an org built in code keeps the first rep with an e-mail.
                RepByEmail.TryAdd(rep.Email!.Trim(), rep);
            }
        }

        public IReadOnlyList<Metric> Metrics { get; }

        public IReadOnlyList<Team> Teams { get; }

        public long Revision { get; }

        public Dictionary<string, Metric> MetricByKey { get; }

        public Dictionary<string, Team> TeamById { get; }

        public Dictionary<string, Rep> RepById { get; }

        public Dictionary<string, Rep> RepByEmail { get; }
    }
}
