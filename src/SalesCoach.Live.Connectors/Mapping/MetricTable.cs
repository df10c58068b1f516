using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Connectors.Mapping;

/// <summary>Kind → org metric for one connector, from <c>Connectors:{Name}:Metrics:{kind}</c>, with the defaults of
/// connectors-v1.md (<c>call</c>→<c>call</c>, <c>meetingBooked</c>→<c>meeting</c>, <c>dealWon</c>→<c>deal</c>, where
/// the org has those metrics). A kind mapped to nothing (an empty value, or a metric the org does not have) is ignored.</summary>
public sealed class MetricTable
{
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        [ActivityKinds.Call] = "call",
        [ActivityKinds.MeetingBooked] = "meeting",
        [ActivityKinds.DealWon] = "deal",
    };

    private readonly Dictionary<string, string> _metricByKind;

    private MetricTable(Dictionary<string, string> metricByKind, IReadOnlyList<string> problems)
    {
        _metricByKind = metricByKind;
        Problems = problems;
    }

    /// <summary>Configured kinds or metrics that could not be used (unknown kind, metric the org lacks), for the
    /// connector's status.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static MetricTable Create(IReadOnlyDictionary<string, string?>? configured, Organization org) =>
        Create(configured, key => org.FindMetric(key) is not null);

    public static MetricTable Create(IReadOnlyDictionary<string, string?>? configured, Func<string, bool> orgHasMetric)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var explicitKinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in configured ?? new Dictionary<string, string?>())
        {
            var kind = ActivityKinds.Normalize(key);
            if (kind is null)
            {
                problems.Add($"Metrics:{key}: '{key}' is not a kind (call, meetingBooked, meetingHeld, dealWon).");
                continue;
            }

            explicitKinds.Add(kind);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!orgHasMetric(value.Trim()))
            {
                problems.Add($"Metrics:{key}: the org has no metric '{value.Trim()}'.");
                continue;
            }

            table[kind] = value.Trim();
        }

        foreach (var (kind, metric) in Defaults)
        {
            if (!explicitKinds.Contains(kind) && orgHasMetric(metric))
            {
                table[kind] = metric;
            }
        }

        return new MetricTable(table, problems);
    }

    /// <summary>The metric <paramref name="kind"/> counts as, or null when it counts as nothing.</summary>
    public string? MetricFor(string kind) => _metricByKind.GetValueOrDefault(kind);
}
