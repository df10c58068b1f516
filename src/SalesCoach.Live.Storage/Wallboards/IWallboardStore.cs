namespace SalesCoach.Live.Storage.Wallboards;

/// <summary>
/// Board definitions, board tokens (as hashes) and pending pairing codes, kept in the product's store beside the
/// activity log. Implementations: SQLite and PostgreSQL, several servers may share one PostgreSQL store. Every
/// change bumps a change stamp that servers poll to notice changes made by another server.
/// </summary>
public interface IWallboardStore
{
    /// <summary>Every board, ordered by id.</summary>
    Task<IReadOnlyList<WallboardDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One board, or null when there is none with that id.</summary>
    Task<WallboardDefinition?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Stores a new board at revision 1; null when the id is taken.</summary>
    Task<WallboardDefinition?> CreateAsync(WallboardDefinition board, CancellationToken cancellationToken = default);

    /// <summary>Replaces a board's definition and bumps its revision; null when there is no such board.</summary>
    Task<WallboardDefinition?> UpdateAsync(WallboardDefinition board, CancellationToken cancellationToken = default);

    /// <summary>Deletes a board with its tokens and claimed pairing codes; false when there was no such board.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a pairing code a TV shows, with the hash of the token its server will hand over when the code is
    /// claimed. False when the code is in use (waiting, or expired only a short while ago). Purges old codes.
    /// </summary>
    Task<bool> AddPairingAsync(string code, byte[] tokenHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims a waiting, unexpired pairing code for a board: issues the board token (id <paramref name="tokenId"/>,
    /// the hash recorded with the code), all at once. A code is claimed at most once.
    /// </summary>
    Task<PairingClaimResult> ClaimPairingAsync(
        string code, string boardId, string tokenId, string? name, CancellationToken cancellationToken = default);

    /// <summary>Those of <paramref name="codes"/> that have been claimed.</summary>
    Task<IReadOnlyList<ClaimedPairing>> FindClaimedPairingsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default);

    /// <summary>Forgets pairing codes (delivered, or their TV went away).</summary>
    Task RemovePairingsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default);

    /// <summary>The token with this SHA-256 hash, or null (unknown or revoked).</summary>
    Task<BoardToken?> FindTokenAsync(byte[] tokenHash, CancellationToken cancellationToken = default);

    /// <summary>The tokens of a board, oldest first.</summary>
    Task<IReadOnlyList<BoardToken>> ListTokensAsync(string boardId, CancellationToken cancellationToken = default);

    /// <summary>Those of <paramref name="tokenIds"/> that still exist (not revoked).</summary>
    Task<IReadOnlyList<string>> FindExistingTokenIdsAsync(IReadOnlyCollection<string> tokenIds, CancellationToken cancellationToken = default);

    /// <summary>Revokes (deletes) a token of a board; false when the board has no such token.</summary>
    Task<bool> RevokeTokenAsync(string boardId, string tokenId, CancellationToken cancellationToken = default);

    /// <summary>A number that changes whenever a board, a token or a claimed pairing changes.</summary>
    Task<long> GetChangeStampAsync(CancellationToken cancellationToken = default);
}
