using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Org;

namespace SalesCoach.Live.Server.OrgSetup;

/// <summary>
/// Keeps this node's org at the newest stored revision: every <c>Org:PollSeconds</c> (2 s) it reads the newest revision
/// number (one indexed row) and, when another node saved a newer one, loads and applies it. A poll rather than a
/// broadcast grain: the store is the truth every node already reads, a missed message cannot leave a node behind, and
/// a node that was down catches up on its first poll.
/// </summary>
public sealed class OrgFollower(Organization org, IOrgStore store, OrgHistory history, OrgFollowerOptions options, TimeProvider clock, ILogger<OrgFollower> logger)
    : BackgroundService
{
    // A revision this node could not read: said once, not at every poll.
    private long _refused;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await FollowAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not check the store for a newer org revision; trying again in {Interval}", options.Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Applies the newest stored revision if it is newer than this node's; true when it did.</summary>
    public async Task<bool> FollowAsync(CancellationToken cancellationToken)
    {
        var newest = await store.GetLatestNumberAsync(cancellationToken);
        if (newest <= org.Revision || newest == _refused || await store.GetLatestAsync(cancellationToken) is not { } latest)
        {
            return false;
        }

        try
        {
            if (org.Apply(history.Parse(latest), latest.Revision))
            {
                logger.LogInformation("Org: following revision {Revision} saved {SavedAt:o} by {SavedBy}", latest.Revision, latest.SavedAt, latest.SavedBy);
                return true;
            }
        }
        catch (OrgFileException e)
        {
            // Every revision was valid where it was saved; one that does not read here (a time zone this node lacks)
            // is not applied, and the node keeps the org it has.
            _refused = latest.Revision;
            logger.LogError("Org revision {Revision} cannot be used on this node: {Problem}", latest.Revision, e.Message);
        }

        return false;
    }
}
