namespace SalesCoach.Live.Server.Accounts;

/// <summary>
/// An account as an admin writes it (API body or admin page). <see cref="Password"/> is optional: without one the
/// account signs in by single sign-on only (create) or keeps its password (update).
/// </summary>
public sealed record AccountRequest(
    string? UserName,
    string? DisplayName,
    string? Role,
    string[]? Teams,
    string? RepId,
    string? Email,
    string? Password);
