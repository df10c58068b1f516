namespace SalesCoach.Live.Server.Connectors;

/// <summary>One connector in <c>GET /api/connectors</c> (connectors-v1.md section 2). Never holds a secret.</summary>
public sealed record ConnectorStatus(
    string Name,
    bool Enabled,
    DateTimeOffset? LastEventAt,
    DateTimeOffset? LastSyncAt,
    long Counted24h,
    long Errors24h,
    string? LastError,
    IReadOnlyList<UnmappedUserStatus> UnmappedUsers,
    long Pending,
    DateTimeOffset? FailingSince,
    string? WebhookPath);

/// <summary>A vendor user that matches no rep, with how many of its records wait.</summary>
public sealed record UnmappedUserStatus(string? VendorUserId, string? Email, int Waiting);

/// <summary>The answer of <c>POST /api/connectors/{name}/sync</c>.</summary>
public sealed record ConnectorSyncResult(string Name, int Counted, DateTimeOffset? LastSyncAt);
