using System.Collections.Concurrent;
using SalesCoach.Live.Server.Security;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>
/// This node's view of the wallboard store: the board definitions and the board tokens seen lately, cached until the
/// store's change stamp moves (<see cref="RefreshAsync"/>, called by <see cref="WallboardWatcher"/> every few
/// seconds and right after a change made here). Answers token checks for authentication.
/// </summary>
public sealed class WallboardDirectory(IWallboardStore store) : IBoardAccess
{
    private readonly SemaphoreSlim refreshGate = new(1, 1);
    private readonly ConcurrentDictionary<string, BoardTokenIdentity> tokens = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, WallboardDefinition>? boards;
    private long stamp = long.MinValue;

    // Bumped whenever the token cache is cleared, so that a lookup that started before a revocation cannot put the
    // revoked token back into the cache after it.
    private long tokenGeneration;

    /// <summary>The store behind the directory.</summary>
    public IWallboardStore Store => store;

    /// <summary>
    /// A board as last read from the store; one this node has not seen yet (created on another node a moment ago) is
    /// read from the store. Null when there is none.
    /// </summary>
    public async Task<WallboardDefinition?> FindAsync(string boardId, CancellationToken cancellationToken = default) =>
        (await BoardsAsync(cancellationToken)).GetValueOrDefault(boardId) ?? await store.FindAsync(boardId, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> TeamsOfAsync(string boardId, CancellationToken cancellationToken) =>
        (await FindAsync(boardId, cancellationToken))?.Teams ?? [];

    /// <inheritdoc />
    public async Task<BoardTokenIdentity?> ValidateTokenAsync(string presented, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (!BoardTokenFormat.LooksLikeToken(presented))
        {
            return null;
        }

        var hash = BoardTokenFormat.Hash(presented);
        var key = Convert.ToBase64String(hash);
        if (tokens.TryGetValue(key, out var cached))
        {
            return cached;
        }

        // Unknown tokens are not cached: a TV paired a moment ago must get in at once.
        var generation = Interlocked.Read(ref tokenGeneration);
        if (await store.FindTokenAsync(hash, cancellationToken) is not { } token)
        {
            return null;
        }

        var identity = new BoardTokenIdentity(token.BoardId, token.Id);
        if (tokens.Count > 10_000)
        {
            tokens.Clear();
        }

        if (Interlocked.Read(ref tokenGeneration) == generation)
        {
            tokens[key] = identity;
        }

        return identity;
    }

    /// <summary>
    /// Reads the change stamp and, when it moved (or <paramref name="force"/>), the boards again, and forgets the
    /// cached tokens (one may have been revoked). Returns the boards before and after, or null when nothing changed.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, WallboardDefinition> Before, IReadOnlyDictionary<string, WallboardDefinition> After)?> RefreshAsync(
        bool force, CancellationToken cancellationToken)
    {
        await refreshGate.WaitAsync(cancellationToken);
        try
        {
            var current = await store.GetChangeStampAsync(cancellationToken);
            if (!force && current == stamp && boards is not null)
            {
                return null;
            }

            var before = boards ?? new Dictionary<string, WallboardDefinition>();
            var after = (await store.ListAsync(cancellationToken)).ToDictionary(b => b.Id, StringComparer.Ordinal);
            Interlocked.Increment(ref tokenGeneration);
            tokens.Clear();
            boards = after;
            stamp = current;
            return (before, after);
        }
        finally
        {
            refreshGate.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, WallboardDefinition>> BoardsAsync(CancellationToken cancellationToken)
    {
        if (boards is { } known)
        {
            return known;
        }

        await RefreshAsync(force: false, cancellationToken);
        return boards ?? new Dictionary<string, WallboardDefinition>();
    }
}
