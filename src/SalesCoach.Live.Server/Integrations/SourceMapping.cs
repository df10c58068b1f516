namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// How one webhook source's JSON becomes activities (<c>Webhooks:Sources:{source}</c>), read and checked at start-up
/// (and again whenever the configuration changes). See docs/integrations.md for every key.
/// </summary>
public sealed record SourceMapping
{
    /// <summary>The source name as configured; it is the last segment of <c>POST /api/webhooks/{source}</c>.</summary>
    public required string Name { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>The shared secret's UTF-8 bytes; null when the source takes API keys only.</summary>
    public byte[]? Secret { get; init; }

    /// <summary>The header that carries the HMAC-SHA256 of the body (<c>sha256=&lt;hex&gt;</c>, plain hex or base64).</summary>
    public string SignatureHeader { get; init; } = "X-Signature";

    /// <summary>Where the list of events is in an envelope object; null: the body is one event or an array of events.</summary>
    public FieldPath? Events { get; init; }

    /// <summary>Put before every mapped id, so that two sources cannot collide (default: the source name and a colon).</summary>
    public required string IdPrefix { get; init; }

    /// <summary>The seven activity fields by name; <c>id</c>, <c>repId</c>, <c>type</c> and <c>occurredAt</c> are always present.</summary>
    public required IReadOnlyDictionary<string, FieldMapping> Fields { get; init; }

    public IReadOnlyList<EventFilter> Filters { get; init; } = [];

    /// <summary>This source's own rep aliases (external user id or e-mail to rep id), looked up before the global ones.</summary>
    public IReadOnlyDictionary<string, string> RepAliases { get; init; } = new Dictionary<string, string>();
}
