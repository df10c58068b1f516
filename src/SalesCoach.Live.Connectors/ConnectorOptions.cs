namespace SalesCoach.Live.Connectors;

/// <summary>What every connector reads under <c>Connectors:{Name}:</c> (connectors-v1.md section 2).</summary>
public abstract class ConnectorOptions
{
    /// <summary><c>Enabled</c>: the connector runs (default false).</summary>
    public bool Enabled { get; set; }

    /// <summary><c>BaseUrl</c>: the vendor API's base URL; null means <see cref="DefaultBaseUrl"/>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary><c>Metrics:{kind}</c>: the org metric a kind counts as; an empty value maps the kind to nothing.</summary>
    public Dictionary<string, string?> Metrics { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>RepAliases:{vendor user id or e-mail}</c>: a rep id, ahead of the e-mail match.</summary>
    public Dictionary<string, string?> RepAliases { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The connector's name (<see cref="ConnectorNames"/>).</summary>
    public abstract string Name { get; }

    /// <summary>The vendor's public API when <see cref="BaseUrl"/> is not set.</summary>
    public abstract string DefaultBaseUrl { get; }

    /// <summary>The base URL to call, without a trailing slash.</summary>
    public string EffectiveBaseUrl => (string.IsNullOrWhiteSpace(BaseUrl) ? DefaultBaseUrl : BaseUrl).TrimEnd('/');
}

/// <summary><c>Connectors:HubSpot:*</c>.</summary>
public sealed class HubSpotOptions : ConnectorOptions
{
    public const int DefaultPollSeconds = 300;

    /// <summary><c>AccessToken</c>: a private app's token, sent as <c>Authorization: Bearer</c>.</summary>
    public string? AccessToken { get; set; }

    /// <summary><c>ClientSecret</c>: the app's client secret, the key of <c>X-HubSpot-Signature-v3</c>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary><c>PublicUrl</c>: the scheme and host (and path base) HubSpot posts to, when a proxy changes them.</summary>
    public string? PublicUrl { get; set; }

    /// <summary><c>PollSeconds</c>: the periodic sync's interval (default 300).</summary>
    public int PollSeconds { get; set; } = DefaultPollSeconds;

    public override string Name => ConnectorNames.HubSpot;

    public override string DefaultBaseUrl => "https://api.hubapi.com";
}

/// <summary><c>Connectors:Aircall:*</c>.</summary>
public sealed class AircallOptions : ConnectorOptions
{
    /// <summary><c>Token</c>: the webhook's token, which Aircall puts in every body.</summary>
    public string? Token { get; set; }

    /// <summary><c>MeetingTags:N</c>: tag names that make a call count a <c>meetingBooked</c> (case-insensitive).</summary>
    public List<string> MeetingTags { get; set; } = [];

    public override string Name => ConnectorNames.Aircall;

    public override string DefaultBaseUrl => "https://api.aircall.io";
}

/// <summary><c>Connectors:Pipedrive:*</c>.</summary>
public sealed class PipedriveOptions : ConnectorOptions
{
    /// <summary><c>ApiToken</c>: sent as <c>x-api-token</c>.</summary>
    public string? ApiToken { get; set; }

    /// <summary><c>WebhookUser</c>: the HTTP Basic user the webhook was created with.</summary>
    public string? WebhookUser { get; set; }

    /// <summary><c>WebhookPassword</c>: the HTTP Basic password the webhook was created with.</summary>
    public string? WebhookPassword { get; set; }

    /// <summary><c>ActivityTypes:{type}</c>: maps an activity type (its <c>key_string</c>) to a kind (<c>call</c>,
    /// <c>meetingBooked</c>, <c>meetingHeld</c>, or <c>meeting</c> for both meeting kinds); empty: not counted.
    /// Without an entry, <c>call</c> is a call and <c>meeting</c> a meeting.</summary>
    public Dictionary<string, string?> ActivityTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public override string Name => ConnectorNames.Pipedrive;

    public override string DefaultBaseUrl => "https://api.pipedrive.com";
}

/// <summary><c>Connectors:Salesforce:*</c>.</summary>
public sealed class SalesforceOptions : ConnectorOptions
{
    public const int DefaultPollSeconds = 60;
    public const string DefaultApiVersion = "62.0";

    /// <summary><c>LoginUrl</c>: the org's My Domain URL (the token endpoint is <c>{LoginUrl}/services/oauth2/token</c>).</summary>
    public string? LoginUrl { get; set; }

    /// <summary><c>ClientId</c> of a connected app with the client-credentials flow.</summary>
    public string? ClientId { get; set; }

    /// <summary><c>ClientSecret</c> of that connected app.</summary>
    public string? ClientSecret { get; set; }

    /// <summary><c>ApiVersion</c>, such as <c>62.0</c> (a leading <c>v</c> is allowed).</summary>
    public string? ApiVersion { get; set; }

    /// <summary><c>PollSeconds</c>: the polling interval (default 60).</summary>
    public int PollSeconds { get; set; } = DefaultPollSeconds;

    public override string Name => ConnectorNames.Salesforce;

    /// <summary>Salesforce has no one public API host: the API is the org's own (the token's <c>instance_url</c>,
    /// or <see cref="LoginUrl"/>).</summary>
    public override string DefaultBaseUrl => LoginUrl ?? string.Empty;

    /// <summary>The API version without a leading <c>v</c>.</summary>
    public string EffectiveApiVersion => (string.IsNullOrWhiteSpace(ApiVersion) ? DefaultApiVersion : ApiVersion.Trim()).TrimStart('v', 'V');
}
