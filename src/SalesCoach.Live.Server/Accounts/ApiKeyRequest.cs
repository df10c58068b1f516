namespace SalesCoach.Live.Server.Accounts;

/// <summary>The JSON body of <c>POST /api/admin/api-keys</c>.</summary>
public sealed record ApiKeyRequest(string? Name, string[]? Scopes);
