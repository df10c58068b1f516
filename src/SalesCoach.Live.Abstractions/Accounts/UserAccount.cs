namespace SalesCoach.Live.Abstractions.Accounts;

/// <summary>
/// A person who signs in: an admin, a manager of some teams, or a rep (linked to their rep id). The password is kept
/// only as ASP.NET Core Identity's hash; <see cref="SecurityStamp"/> changes whenever the password, the role or the
/// teams change, so that cookies issued before the change stop working. <see cref="ExternalSubject"/> links the
/// account to one person at the single sign-on identity provider (issuer and subject), set at their first sign-on.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UserAccount(
    [property: Id(0)] string UserName,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Role,
    [property: Id(3)] string[] Teams,
    [property: Id(4)] string? RepId,
    [property: Id(5)] string? Email,
    [property: Id(6)] string? PasswordHash,
    [property: Id(7)] string SecurityStamp,
    [property: Id(8)] int FailedSignIns,
    [property: Id(9)] DateTimeOffset? LockedUntil,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset? LastSignInAt,
    [property: Id(12)] string? ExternalSubject = null);
