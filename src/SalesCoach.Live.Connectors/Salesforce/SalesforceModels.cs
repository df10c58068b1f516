using System.Text.Json.Serialization;

namespace SalesCoach.Live.Connectors.Salesforce;

/// <summary>The answer of <c>POST {LoginUrl}/services/oauth2/token</c> (client-credentials flow: no refresh token).</summary>
public sealed record SalesforceToken
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; init; }
    [JsonPropertyName("instance_url")] public string? InstanceUrl { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("token_type")] public string? TokenType { get; init; }
    [JsonPropertyName("issued_at")] public string? IssuedAt { get; init; }
    [JsonPropertyName("signature")] public string? Signature { get; init; }
    [JsonPropertyName("scope")] public string? Scope { get; init; }
}

/// <summary>The token endpoint's error: <c>{ error, error_description }</c>.</summary>
public sealed record SalesforceTokenError
{
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("error_description")] public string? Description { get; init; }
}

/// <summary>An item of the REST API's error array: <c>[{ message, errorCode }]</c>, e.g. <c>REQUEST_LIMIT_EXCEEDED</c>
/// (HTTP 403) or <c>INVALID_SESSION_ID</c> (HTTP 401).</summary>
public sealed record SalesforceError
{
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("errorCode")] public string? ErrorCode { get; init; }
}

/// <summary>The answer of <c>/query</c>, <c>/queryAll</c> and <c>nextRecordsUrl</c>.</summary>
public sealed record SalesforceQueryResult<T>
{
    [JsonPropertyName("totalSize")] public int TotalSize { get; init; }
    [JsonPropertyName("done")] public bool Done { get; init; }
    [JsonPropertyName("nextRecordsUrl")] public string? NextRecordsUrl { get; init; }
    [JsonPropertyName("records")] public List<T> Records { get; init; } = [];
}

public sealed record SalesforceAttributes
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
}

/// <summary>The <c>Owner</c> relationship (<c>Owner.Email</c> in the SOQL).</summary>
public sealed record SalesforceOwner
{
    [JsonPropertyName("attributes")] public SalesforceAttributes? Attributes { get; init; }
    [JsonPropertyName("Email")] public string? Email { get; init; }
}

/// <summary>A <c>Task</c> row (calls are <c>TaskSubtype = 'Call'</c>). Times are written like
/// <c>2024-01-15T10:30:00.000+0000</c>.</summary>
public sealed record SalesforceTask
{
    [JsonPropertyName("attributes")] public SalesforceAttributes? Attributes { get; init; }
    [JsonPropertyName("Id")] public string Id { get; init; } = "";
    [JsonPropertyName("OwnerId")] public string? OwnerId { get; init; }
    [JsonPropertyName("Owner")] public SalesforceOwner? Owner { get; init; }
    [JsonPropertyName("TaskSubtype")] public string? TaskSubtype { get; init; }
    [JsonPropertyName("Status")] public string? Status { get; init; }
    [JsonPropertyName("IsClosed")] public bool? IsClosed { get; init; }
    [JsonPropertyName("CompletedDateTime")] public string? CompletedDateTime { get; init; }
    [JsonPropertyName("ActivityDate")] public string? ActivityDate { get; init; }
    [JsonPropertyName("CallDurationInSeconds")] public int? CallDurationInSeconds { get; init; }
    [JsonPropertyName("CallDisposition")] public string? CallDisposition { get; init; }
    [JsonPropertyName("CreatedDate")] public string? CreatedDate { get; init; }
    [JsonPropertyName("SystemModstamp")] public string? SystemModstamp { get; init; }
    [JsonPropertyName("IsDeleted")] public bool? IsDeleted { get; init; }
}

/// <summary>An <c>Event</c> row (meetings).</summary>
public sealed record SalesforceEvent
{
    [JsonPropertyName("attributes")] public SalesforceAttributes? Attributes { get; init; }
    [JsonPropertyName("Id")] public string Id { get; init; } = "";
    [JsonPropertyName("OwnerId")] public string? OwnerId { get; init; }
    [JsonPropertyName("Owner")] public SalesforceOwner? Owner { get; init; }
    [JsonPropertyName("Subject")] public string? Subject { get; init; }
    [JsonPropertyName("StartDateTime")] public string? StartDateTime { get; init; }
    [JsonPropertyName("EndDateTime")] public string? EndDateTime { get; init; }
    [JsonPropertyName("ActivityDateTime")] public string? ActivityDateTime { get; init; }
    [JsonPropertyName("CreatedDate")] public string? CreatedDate { get; init; }
    [JsonPropertyName("SystemModstamp")] public string? SystemModstamp { get; init; }
    [JsonPropertyName("IsDeleted")] public bool? IsDeleted { get; init; }
}

/// <summary>An <c>Opportunity</c> row (deals).</summary>
public sealed record SalesforceOpportunity
{
    [JsonPropertyName("attributes")] public SalesforceAttributes? Attributes { get; init; }
    [JsonPropertyName("Id")] public string Id { get; init; } = "";
    [JsonPropertyName("OwnerId")] public string? OwnerId { get; init; }
    [JsonPropertyName("Owner")] public SalesforceOwner? Owner { get; init; }
    [JsonPropertyName("IsWon")] public bool? IsWon { get; init; }
    [JsonPropertyName("IsClosed")] public bool? IsClosed { get; init; }
    [JsonPropertyName("StageName")] public string? StageName { get; init; }
    [JsonPropertyName("CloseDate")] public string? CloseDate { get; init; }
    [JsonPropertyName("Amount")] public double? Amount { get; init; }
    [JsonPropertyName("SystemModstamp")] public string? SystemModstamp { get; init; }
    [JsonPropertyName("IsDeleted")] public bool? IsDeleted { get; init; }
}
