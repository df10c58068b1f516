namespace SalesCoach.Live.Server.Tests.Infrastructure;

/// <summary>Builds activity JSON objects for the ingest endpoint.</summary>
public static class TestActivity
{
    public static Dictionary<string, object?> Of(string repId, string type, string occurredAt, int? quantity = null, decimal? value = null, string? id = null) => new()
    {
        ["id"] = id ?? $"t-{Guid.NewGuid():N}",
        ["repId"] = repId,
        ["type"] = type,
        ["occurredAt"] = occurredAt,
        ["quantity"] = quantity,
        ["value"] = value,
    };

    public static Dictionary<string, object?> Of(string repId, string type, DateTimeOffset occurredAt, int? quantity = null, decimal? value = null, string? id = null) =>
        Of(repId, type, occurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), quantity, value, id);
}
