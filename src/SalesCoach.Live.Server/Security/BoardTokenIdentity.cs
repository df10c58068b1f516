namespace SalesCoach.Live.Server.Security;

/// <summary>Who a valid board token is: its board and its own id.</summary>
/// <param name="BoardId">The board the token shows.</param>
/// <param name="TokenId">The token's id (listed and revoked by it).</param>
public sealed record BoardTokenIdentity(string BoardId, string TokenId);
