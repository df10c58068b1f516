namespace SalesCoach.Live.Server.Wallboard;

/// <summary>The hub message <c>paired</c>: sent to a waiting TV once its code is claimed, with its new board token.</summary>
/// <param name="BoardId">The board the TV now shows.</param>
/// <param name="TokenId">The token's id (what an admin revokes).</param>
/// <param name="Token">The board token itself; the TV keeps it and connects with it from now on.</param>
public sealed record PairedMessage(string BoardId, string TokenId, string Token);
