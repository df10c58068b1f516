using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Connectors.Mapping;

/// <summary>One connector's kind → metric table and vendor user → rep directory, built from its options and the
/// org: the one object a webhook handler or a sync needs to turn vendor observations into results.</summary>
public sealed class ConnectorMapper(MetricTable metrics, RepDirectory reps)
{
    public MetricTable Metrics { get; } = metrics;

    public RepDirectory Reps { get; } = reps;

    /// <summary>From <c>Connectors:{Name}:Metrics</c> and <c>RepAliases</c>, the org's metrics, and each rep's e-mail
    /// (<paramref name="emailOf"/>: the org file's <c>reps[].email</c>).</summary>
    public static ConnectorMapper Create(ConnectorOptions options, Organization org, Func<Rep, string?> emailOf) =>
        new(MetricTable.Create(options.Metrics, org), RepDirectory.FromOrganization(org, emailOf, options.RepAliases));

    public IReadOnlyList<ConnectorResult> Resolve(IEnumerable<KindObservation> observations) =>
        ActivityResolver.Resolve(observations, Metrics, Reps);
}
