namespace SalesCoach.Live.Connectors.Mapping;

/// <summary>What a vendor mapper read from one record for one kind: whether the record qualifies as that kind now,
/// whose it is, when it happened and its value. The <see cref="ActivityResolver"/> turns observations into results.</summary>
/// <param name="Connector">The connector name (<see cref="ConnectorNames"/>).</param>
/// <param name="Kind">One of <see cref="ActivityKinds"/>.</param>
/// <param name="VendorRecordId">The vendor's id of the record.</param>
/// <param name="Qualifies">True when the record counts as <paramref name="Kind"/> now; false voids it.</param>
/// <param name="Owner">The vendor user it belongs to (null when the record names none).</param>
/// <param name="OccurredAt">When it counts (required when it qualifies).</param>
/// <param name="Value">The value (deal amount), if any.</param>
public sealed record KindObservation(
    string Connector,
    string Kind,
    string VendorRecordId,
    bool Qualifies,
    VendorUser? Owner,
    DateTimeOffset? OccurredAt,
    double? Value = null)
{
    /// <summary><c>{name}:{kind}:{vendor record id}</c> in lower case (connectors-v1.md section 2).</summary>
    public string ActivityId => ActivityIds.For(Connector, Kind, VendorRecordId);

    public static KindObservation Counts(string connector, string kind, string id, VendorUser? owner, DateTimeOffset at, double? value = null) =>
        new(connector, kind, id, true, owner, at, value);

    public static KindObservation Voids(string connector, string kind, string id, VendorUser? owner = null) =>
        new(connector, kind, id, false, owner, null);
}

public static class ActivityIds
{
    /// <summary><c>{name}:{kind}:{vendor record id}</c> in lower case, e.g. <c>hubspot:call:512</c>.</summary>
    public static string For(string connector, string kind, string vendorRecordId) =>
        $"{connector}:{kind}:{vendorRecordId.Trim()}".ToLowerInvariant();
}
