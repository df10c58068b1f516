using System.Text.Json;
using System.Text.Json.Serialization;
using SalesCoach.Live.Connectors.Json;

namespace SalesCoach.Live.Connectors.Aircall;

/// <summary>An Aircall webhook event: <c>{ resource, event, timestamp, token, data }</c>; <c>data</c> is the resource
/// (the call object for <c>call.*</c> events).</summary>
public sealed record AircallWebhookEvent
{
    [JsonPropertyName("resource")] public string? Resource { get; init; }
    [JsonPropertyName("event")] public string? Event { get; init; }

    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("timestamp")] public long? Timestamp { get; init; }

    [JsonPropertyName("token")] public string? Token { get; init; }
    [JsonPropertyName("data")] public JsonElement Data { get; init; }
}

/// <summary>Aircall's call object (the fields the connector reads). Times are Unix seconds.</summary>
public sealed record AircallCall
{
    [JsonPropertyName("id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; init; }
    [JsonPropertyName("direct_link")] public string? DirectLink { get; init; }
    [JsonPropertyName("direction")] public string? Direction { get; init; }

    /// <summary><c>initial</c>, <c>answered</c> or <c>done</c>.</summary>
    [JsonPropertyName("status")] public string? Status { get; init; }

    /// <summary>Set on missed inbound calls (<c>out_of_opening_hours</c>, <c>short_abandoned</c>, <c>abandoned_in_ivr</c>,
    /// <c>abandoned_in_classic</c>, <c>no_available_agent</c>, <c>agents_did_not_answer</c>).</summary>
    [JsonPropertyName("missed_call_reason")] public string? MissedCallReason { get; init; }

    [JsonPropertyName("started_at")] public long? StartedAt { get; init; }
    [JsonPropertyName("answered_at")] public long? AnsweredAt { get; init; }
    [JsonPropertyName("ended_at")] public long? EndedAt { get; init; }
    [JsonPropertyName("duration")] public long? Duration { get; init; }
    [JsonPropertyName("user")] public AircallUser? User { get; init; }
    [JsonPropertyName("tags")] public List<AircallTag>? Tags { get; init; }
}

public sealed record AircallUser
{
    [JsonPropertyName("id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; init; }
    [JsonPropertyName("direct_link")] public string? DirectLink { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
}

public sealed record AircallTag
{
    [JsonPropertyName("id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
}
