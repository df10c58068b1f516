namespace SalesCoach.Live.Server.Wallboard;

/// <summary>
/// The hub message <c>revoked</c>: the TV's board token was revoked (or its board deleted). The TV forgets the
/// token and shows a pairing code; the server closes the connection right after.
/// </summary>
/// <param name="BoardId">The board the token belonged to.</param>
/// <param name="TokenId">The revoked token's id.</param>
public sealed record RevokedMessage(string BoardId, string TokenId);
