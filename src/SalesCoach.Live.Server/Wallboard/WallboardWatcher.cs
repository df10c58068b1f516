using Microsoft.AspNetCore.SignalR;
using SalesCoach.Live.Server.Live;
using SalesCoach.Live.Storage.Wallboards;

namespace SalesCoach.Live.Server.Wallboard;

/// <summary>
/// Keeps this node's TVs in step with the wallboard store, whichever node made the change: every
/// <see cref="PollInterval"/> (and at once after a change made here, <see cref="Poke"/>) it reads the store's change
/// stamp; when it moved, it pushes <c>wallboardConfig</c> to the TVs of every board whose definition changed, and
/// sends <c>revoked</c> to (then closes) the connections of tokens that no longer exist. While TVs wait for pairing
/// here, it also hands each one its token once an admin has claimed its code (on any node).
/// </summary>
public sealed class WallboardWatcher(
    WallboardDirectory directory,
    PairingDesk desk,
    BoardConnections connections,
    IHubContext<LiveHub> hub,
    TimeProvider time,
    ILogger<WallboardWatcher> logger) : BackgroundService
{
    /// <summary>How often the store is asked whether something changed.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long a revoked connection has to receive <c>revoked</c> before it is closed.</summary>
    private static readonly TimeSpan CloseDelay = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim poked = new(0, 1);

    /// <summary>Runs a round now (after a change made on this node) instead of at the next poll.</summary>
    public void Poke()
    {
        try
        {
            poked.Release();
        }
        catch (SemaphoreFullException)
        {
            // A round is asked for already.
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The store may be away for a while; say so once in a while, not every two seconds.
                if (failures++ % 30 == 0)
                {
                    logger.LogWarning(e, "Wallboard watcher: the store did not answer");
                }
            }

            try
            {
                await poked.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: board changes, revoked tokens, claimed pairing codes.</summary>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (await directory.RefreshAsync(force: false, cancellationToken) is { } change)
        {
            await PushChangedBoardsAsync(change.Before, change.After, cancellationToken);
            await CloseRevokedAsync(cancellationToken);
        }

        await DeliverClaimedAsync(cancellationToken);
    }

    private async Task PushChangedBoardsAsync(
        IReadOnlyDictionary<string, WallboardDefinition> before, IReadOnlyDictionary<string, WallboardDefinition> after, CancellationToken cancellationToken)
    {
        foreach (var board in after.Values)
        {
            if (before.TryGetValue(board.Id, out var old) && old.Revision == board.Revision)
            {
                continue;
            }

            foreach (var (connectionId, teamId) in connections.TakeStraySubscriptions(board.Id, board.Teams))
            {
                await hub.Groups.RemoveFromGroupAsync(connectionId, LiveHub.TeamGroup(teamId), cancellationToken);
            }

            await hub.Clients.Group(LiveHub.WallboardGroup(board.Id)).SendAsync("wallboardConfig", WallboardConfig.Of(board), cancellationToken);
        }
    }

    private async Task CloseRevokedAsync(CancellationToken cancellationToken)
    {
        var tokenIds = connections.TokenIds();
        if (tokenIds.Count == 0)
        {
            return;
        }

        var existing = await directory.Store.FindExistingTokenIdsAsync(tokenIds, cancellationToken);
        var revoked = tokenIds.Except(existing, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        if (revoked.Count == 0)
        {
            return;
        }

        var closing = connections.TakeTokens(revoked);
        foreach (var (context, boardId, tokenId) in closing)
        {
            await hub.Clients.Client(context.ConnectionId).SendAsync("revoked", new RevokedMessage(boardId, tokenId), cancellationToken);
        }

        logger.LogInformation("Closing {Count} wallboard connection(s) of revoked token(s)", closing.Count);
        _ = Task.Delay(CloseDelay, time, CancellationToken.None).ContinueWith(
            _ =>
            {
                foreach (var (context, _, _) in closing)
                {
                    context.Abort();
                }
            },
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private async Task DeliverClaimedAsync(CancellationToken cancellationToken)
    {
        var (waiting, expired) = desk.Codes(time.GetUtcNow());
        if (expired.Count > 0)
        {
            await directory.Store.RemovePairingsAsync(expired, cancellationToken);
        }

        if (waiting.Count == 0)
        {
            return;
        }

        var claimed = await directory.Store.FindClaimedPairingsAsync(waiting, cancellationToken);
        var delivered = new List<string>();
        foreach (var claim in claimed)
        {
            if (desk.Take(claim.Code) is not { } tv)
            {
                continue;
            }

            await hub.Clients.Client(tv.ConnectionId).SendAsync("paired", new PairedMessage(claim.BoardId, claim.TokenId, tv.Token), cancellationToken);
            delivered.Add(claim.Code);
            logger.LogInformation("Paired a TV with board {BoardId} (token {TokenId})", claim.BoardId, claim.TokenId);
        }

        await directory.Store.RemovePairingsAsync(delivered, cancellationToken);
    }
}
