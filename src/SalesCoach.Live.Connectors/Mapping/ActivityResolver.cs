namespace SalesCoach.Live.Connectors.Mapping;

/// <summary>Turns vendor observations into connector-neutral results: a kind mapped to no metric gives nothing; a
/// record that does not qualify gives a <see cref="VoidActivity"/>; a qualifying one gives a
/// <see cref="CountActivity"/>, or an <see cref="UnmappedUser"/> when its owner matches no rep.</summary>
public static class ActivityResolver
{
    public static IReadOnlyList<ConnectorResult> Resolve(IEnumerable<KindObservation> observations, MetricTable metrics, RepDirectory reps)
    {
        var results = new List<ConnectorResult>();
        foreach (var o in observations)
        {
            var metric = metrics.MetricFor(o.Kind);
            if (metric is null)
            {
                continue;
            }

            if (!o.Qualifies || o.OccurredAt is null)
            {
                results.Add(new VoidActivity(o.ActivityId, o.Kind, o.VendorRecordId));
                continue;
            }

            var repId = reps.Resolve(o.Owner);
            results.Add(repId is null
                ? new UnmappedUser(o.ActivityId, o.Kind, o.VendorRecordId, o.Owner?.Id, o.Owner?.Email, metric, o.OccurredAt.Value, o.Value)
                : new CountActivity(o.ActivityId, o.Kind, o.VendorRecordId, repId, metric, o.OccurredAt.Value, o.Value));
        }

        return results;
    }
}
