namespace SalesCoach.Live.Server.Security;

/// <summary>
/// What security needs to know about wallboards: whether a presented credential is a valid board token, and which
/// teams a board shows. Implemented by the wallboard feature; without it, board tokens are simply unknown.
/// </summary>
public interface IBoardAccess
{
    /// <summary>
    /// The board and token id of a valid board token; null when <paramref name="presented"/> is not one (malformed,
    /// unknown or revoked). Throws when the store cannot answer, so that an outage is never taken for a refusal.
    /// </summary>
    Task<BoardTokenIdentity?> ValidateTokenAsync(string presented, CancellationToken cancellationToken);

    /// <summary>The teams a board shows now (empty when the board does not exist).</summary>
    Task<IReadOnlyList<string>> TeamsOfAsync(string boardId, CancellationToken cancellationToken);
}
