using System.Text.Json.Serialization;
using SalesCoach.Live.Connectors.Json;

namespace SalesCoach.Live.Connectors.HubSpot;

/// <summary>One webhook notification (HubSpot posts a JSON array of them, up to 100). They carry ids, not records.
/// HubSpot's documented example names the type <c>eventType</c>; deliveries and the field table name it
/// <c>subscriptionType</c>: both are read.</summary>
public sealed record HubSpotWebhookEvent
{
    [JsonPropertyName("eventId")] [JsonConverter(typeof(FlexibleStringConverter))] public string? EventId { get; init; }
    [JsonPropertyName("subscriptionId")] [JsonConverter(typeof(FlexibleStringConverter))] public string? SubscriptionId { get; init; }
    [JsonPropertyName("portalId")] [JsonConverter(typeof(FlexibleStringConverter))] public string? PortalId { get; init; }
    [JsonPropertyName("appId")] [JsonConverter(typeof(FlexibleStringConverter))] public string? AppId { get; init; }

    /// <summary>Unix milliseconds.</summary>
    [JsonPropertyName("occurredAt")] public long? OccurredAt { get; init; }

    [JsonPropertyName("subscriptionType")] public string? SubscriptionType { get; init; }
    [JsonPropertyName("eventType")] public string? EventType { get; init; }
    [JsonPropertyName("attemptNumber")] public int? AttemptNumber { get; init; }
    [JsonPropertyName("objectId")] [JsonConverter(typeof(FlexibleStringConverter))] public string? ObjectId { get; init; }

    /// <summary>Generic (<c>object.*</c>) subscriptions: the object type, e.g. <c>0-3</c> deals, <c>0-47</c> meetings, <c>0-48</c> calls.</summary>
    [JsonPropertyName("objectTypeId")] public string? ObjectTypeId { get; init; }

    [JsonPropertyName("propertyName")] public string? PropertyName { get; init; }
    [JsonPropertyName("propertyValue")] [JsonConverter(typeof(FlexibleStringConverter))] public string? PropertyValue { get; init; }
    [JsonPropertyName("changeSource")] public string? ChangeSource { get; init; }
    [JsonPropertyName("sourceId")] public string? SourceId { get; init; }
    [JsonPropertyName("changeFlag")] public string? ChangeFlag { get; init; }

    /// <summary><see cref="SubscriptionType"/>, else <see cref="EventType"/>.</summary>
    [JsonIgnore] public string? Type => SubscriptionType ?? EventType;
}

/// <summary>A CRM v3 object (<c>GET /crm/v3/objects/{type}/{id}</c>, an item of batch read and search results).
/// Property values are strings (HubSpot writes every property as a string).</summary>
public sealed record HubSpotObject
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("properties")] public Dictionary<string, string?> Properties { get; init; } = [];
    [JsonPropertyName("createdAt")] public string? CreatedAt { get; init; }
    [JsonPropertyName("updatedAt")] public string? UpdatedAt { get; init; }
    [JsonPropertyName("archived")] public bool Archived { get; init; }
    [JsonPropertyName("archivedAt")] public string? ArchivedAt { get; init; }

    public string? Property(string name) => Properties.GetValueOrDefault(name);
}

/// <summary>The answer of <c>POST /crm/v3/objects/{type}/batch/read</c>.</summary>
public sealed record HubSpotBatchReadResponse
{
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("results")] public List<HubSpotObject> Results { get; init; } = [];
    [JsonPropertyName("startedAt")] public string? StartedAt { get; init; }
    [JsonPropertyName("completedAt")] public string? CompletedAt { get; init; }
    [JsonPropertyName("numErrors")] public int? NumErrors { get; init; }
    [JsonPropertyName("errors")] public List<HubSpotError>? Errors { get; init; }
}

/// <summary>The body of <c>POST /crm/v3/objects/{type}/batch/read</c>.</summary>
public sealed record HubSpotBatchReadRequest
{
    [JsonPropertyName("properties")] public List<string> Properties { get; init; } = [];
    [JsonPropertyName("inputs")] public List<HubSpotIdInput> Inputs { get; init; } = [];
    [JsonPropertyName("archived")] public bool Archived { get; init; }
}

public sealed record HubSpotIdInput([property: JsonPropertyName("id")] string Id);

/// <summary>The answer of <c>POST /crm/v3/objects/{type}/search</c> (and the paged list reads).</summary>
public sealed record HubSpotPage<T>
{
    [JsonPropertyName("total")] public int? Total { get; init; }
    [JsonPropertyName("results")] public List<T> Results { get; init; } = [];
    [JsonPropertyName("paging")] public HubSpotPaging? Paging { get; init; }
}

public sealed record HubSpotPaging
{
    [JsonPropertyName("next")] public HubSpotNextPage? Next { get; init; }
}

public sealed record HubSpotNextPage
{
    [JsonPropertyName("after")] public string? After { get; init; }
    [JsonPropertyName("link")] public string? Link { get; init; }
}

/// <summary>The body of <c>POST /crm/v3/objects/{type}/search</c>.</summary>
public sealed record HubSpotSearchRequest
{
    [JsonPropertyName("filterGroups")] public List<HubSpotFilterGroup> FilterGroups { get; init; } = [];
    [JsonPropertyName("sorts")] public List<string> Sorts { get; init; } = [];
    [JsonPropertyName("properties")] public List<string> Properties { get; init; } = [];
    [JsonPropertyName("limit")] public int Limit { get; init; } = 100;
    [JsonPropertyName("after")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? After { get; init; }
}

public sealed record HubSpotFilterGroup
{
    [JsonPropertyName("filters")] public List<HubSpotFilter> Filters { get; init; } = [];
}

public sealed record HubSpotFilter
{
    [JsonPropertyName("propertyName")] public string PropertyName { get; init; } = "";
    [JsonPropertyName("operator")] public string Operator { get; init; } = "EQ";
    [JsonPropertyName("value")] public string? Value { get; init; }
}

/// <summary>An owner of <c>GET /crm/v3/owners</c>: <c>id</c> is what <c>hubspot_owner_id</c> holds.</summary>
public sealed record HubSpotOwner
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("firstName")] public string? FirstName { get; init; }
    [JsonPropertyName("lastName")] public string? LastName { get; init; }
    [JsonPropertyName("userId")] public long? UserId { get; init; }
    [JsonPropertyName("createdAt")] public string? CreatedAt { get; init; }
    [JsonPropertyName("updatedAt")] public string? UpdatedAt { get; init; }
    [JsonPropertyName("archived")] public bool Archived { get; init; }
}

/// <summary>HubSpot's error body (<c>status</c>, <c>message</c>, <c>category</c>, <c>correlationId</c>; a 429 names its
/// <c>policyName</c>).</summary>
public sealed record HubSpotError
{
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("category")] public string? Category { get; init; }
    [JsonPropertyName("correlationId")] public string? CorrelationId { get; init; }
    [JsonPropertyName("policyName")] public string? PolicyName { get; init; }
}
