namespace SalesCoach.Live.Connectors.Mapping;

/// <summary>What a connector asks of the ingest pipeline for one vendor record and kind.</summary>
/// <param name="ActivityId"><c>{name}:{kind}:{vendor record id}</c>, lower case.</param>
public abstract record ConnectorResult(string ActivityId, string Kind, string VendorRecordId);

/// <summary>Count an activity, as <c>POST /api/activities</c> would with this id, rep, metric, time and value.</summary>
public sealed record CountActivity(
    string ActivityId,
    string Kind,
    string VendorRecordId,
    string RepId,
    string Metric,
    DateTimeOffset OccurredAt,
    double? Value) : ConnectorResult(ActivityId, Kind, VendorRecordId);

/// <summary>Void the activity, exactly as <c>DELETE /api/activities/{id}</c> does. A void of an id that never
/// counted changes nothing; a record that qualifies again later counts again.</summary>
public sealed record VoidActivity(string ActivityId, string Kind, string VendorRecordId)
    : ConnectorResult(ActivityId, Kind, VendorRecordId);

/// <summary>A qualifying record whose vendor user matches no rep: not counted; the connector lists the user (with
/// how many records wait) and counts the record once the user is mapped. It carries everything
/// <see cref="CountActivity"/> needs except the rep.</summary>
public sealed record UnmappedUser(
    string ActivityId,
    string Kind,
    string VendorRecordId,
    string? VendorUserId,
    string? Email,
    string Metric,
    DateTimeOffset OccurredAt,
    double? Value) : ConnectorResult(ActivityId, Kind, VendorRecordId)
{
    /// <summary>The count, once the user is mapped to <paramref name="repId"/>.</summary>
    public CountActivity MappedTo(string repId) => new(ActivityId, Kind, VendorRecordId, repId, Metric, OccurredAt, Value);
}
