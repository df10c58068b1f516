using System.Text.Json;
using System.Text.Json.Serialization;
using SalesCoach.Live.Connectors.Json;

namespace SalesCoach.Live.Connectors.Pipedrive;

/// <summary>A webhooks v2 notification: <c>{ meta, data, previous }</c>. <c>data</c> is the object after the change
/// (null on delete); <c>previous</c> holds the changed fields' old values (or the deleted object).</summary>
public sealed record PipedriveWebhook
{
    [JsonPropertyName("meta")] public PipedriveMeta? Meta { get; init; }
    [JsonPropertyName("data")] public JsonElement Data { get; init; }
    [JsonPropertyName("previous")] public JsonElement Previous { get; init; }
}

public sealed record PipedriveMeta
{
    /// <summary><c>create</c>, <c>change</c> or <c>delete</c>.</summary>
    [JsonPropertyName("action")] public string? Action { get; init; }

    /// <summary><c>activity</c>, <c>deal</c>, <c>person</c>, ...</summary>
    [JsonPropertyName("entity")] public string? Entity { get; init; }

    /// <summary>Webhooks v1's name for <see cref="Entity"/>.</summary>
    [JsonPropertyName("object")] public string? Object { get; init; }

    [JsonPropertyName("entity_id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? EntityId { get; init; }
    [JsonPropertyName("id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; init; }
    [JsonPropertyName("correlation_id")] public string? CorrelationId { get; init; }
    [JsonPropertyName("version")] [JsonConverter(typeof(FlexibleStringConverter))] public string? Version { get; init; }
    [JsonPropertyName("company_id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? CompanyId { get; init; }
    [JsonPropertyName("user_id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? UserId { get; init; }
    [JsonPropertyName("webhook_id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? WebhookId { get; init; }
    [JsonPropertyName("attempt")] public int? Attempt { get; init; }
    [JsonPropertyName("host")] public string? Host { get; init; }
    [JsonPropertyName("timestamp")] [JsonConverter(typeof(FlexibleStringConverter))] public string? Timestamp { get; init; }
    [JsonPropertyName("change_source")] public string? ChangeSource { get; init; }
    [JsonPropertyName("is_bulk_edit")] public bool? IsBulkEdit { get; init; }
}

/// <summary>An activity as webhooks v2 and the API (v1 and v2) write it; the fields the connector reads.</summary>
public sealed record PipedriveActivity
{
    [JsonPropertyName("id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; init; }

    /// <summary>The activity type's <c>key_string</c>, e.g. <c>call</c>, <c>meeting</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    [JsonPropertyName("done")] [JsonConverter(typeof(FlexibleBooleanConverter))] public bool? Done { get; init; }
    [JsonPropertyName("owner_id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? OwnerId { get; init; }
    [JsonPropertyName("user_id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? UserId { get; init; }
    [JsonPropertyName("subject")] public string? Subject { get; init; }
    [JsonPropertyName("due_date")] public string? DueDate { get; init; }
    [JsonPropertyName("due_time")] public string? DueTime { get; init; }
    [JsonPropertyName("add_time")] public string? AddTime { get; init; }
    [JsonPropertyName("update_time")] public string? UpdateTime { get; init; }
    [JsonPropertyName("marked_as_done_time")] public string? MarkedAsDoneTime { get; init; }
    [JsonPropertyName("is_deleted")] [JsonConverter(typeof(FlexibleBooleanConverter))] public bool? IsDeleted { get; init; }
    [JsonPropertyName("active_flag")] [JsonConverter(typeof(FlexibleBooleanConverter))] public bool? ActiveFlag { get; init; }

    /// <summary><see cref="OwnerId"/> (API v2, webhooks v2), else <see cref="UserId"/> (API v1).</summary>
    [JsonIgnore] public string? Owner => OwnerId ?? UserId;
}

/// <summary>A deal as webhooks v2 and the API write it; the fields the connector reads.</summary>
public sealed record PipedriveDeal
{
    [JsonPropertyName("id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }

    /// <summary><c>open</c>, <c>won</c>, <c>lost</c> (or <c>deleted</c> in v1).</summary>
    [JsonPropertyName("status")] public string? Status { get; init; }

    [JsonPropertyName("value")] public double? Value { get; init; }
    [JsonPropertyName("currency")] public string? Currency { get; init; }
    [JsonPropertyName("won_time")] public string? WonTime { get; init; }
    [JsonPropertyName("close_time")] public string? CloseTime { get; init; }
    [JsonPropertyName("owner_id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? OwnerId { get; init; }
    [JsonPropertyName("user_id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? UserId { get; init; }
    [JsonPropertyName("add_time")] public string? AddTime { get; init; }
    [JsonPropertyName("update_time")] public string? UpdateTime { get; init; }
    [JsonPropertyName("is_deleted")] [JsonConverter(typeof(FlexibleBooleanConverter))] public bool? IsDeleted { get; init; }

    [JsonIgnore] public string? Owner => OwnerId ?? UserId;
}

/// <summary><c>GET /v1/users</c>: <c>{ success, data: [user] }</c>.</summary>
public sealed record PipedriveUsersResponse
{
    [JsonPropertyName("success")] public bool Success { get; init; }
    [JsonPropertyName("data")] public List<PipedriveUser>? Data { get; init; }
}

public sealed record PipedriveUser
{
    [JsonPropertyName("id")] [JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("active_flag")] [JsonConverter(typeof(FlexibleBooleanConverter))] public bool? ActiveFlag { get; init; }
}

/// <summary>A single-object API answer, <c>{ success, data }</c> (v1 and v2).</summary>
public sealed record PipedriveItemResponse<T>
{
    [JsonPropertyName("success")] public bool Success { get; init; }
    [JsonPropertyName("data")] public T? Data { get; init; }
}

/// <summary>A list API answer (v2): <c>{ success, data: [...], additional_data: { next_cursor } }</c>.</summary>
public sealed record PipedriveListResponse<T>
{
    [JsonPropertyName("success")] public bool Success { get; init; }
    [JsonPropertyName("data")] public List<T>? Data { get; init; }
    [JsonPropertyName("additional_data")] public PipedriveAdditionalData? AdditionalData { get; init; }
}

public sealed record PipedriveAdditionalData
{
    [JsonPropertyName("next_cursor")] public string? NextCursor { get; init; }
}
