namespace SalesCoach.Live.Abstractions.Accounts;

/// <summary>
/// An API key created by an admin at run time (beside the keys in configuration). Only the SHA-256 of the key is kept;
/// the key itself is shown once, when it is created. <see cref="Prefix"/> (its first characters) lets people tell
/// keys apart in lists.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StoredApiKey(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string[] Scopes,
    [property: Id(3)] string Hash,
    [property: Id(4)] string Prefix,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] string CreatedBy,
    [property: Id(7)] DateTimeOffset? RevokedAt);
