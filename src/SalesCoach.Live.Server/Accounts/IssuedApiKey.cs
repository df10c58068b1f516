using SalesCoach.Live.Abstractions.Accounts;

namespace SalesCoach.Live.Server.Accounts;

/// <summary>A key just created: <see cref="Key"/> is shown this once and never again.</summary>
public sealed record IssuedApiKey(StoredApiKey Stored, string Key);
