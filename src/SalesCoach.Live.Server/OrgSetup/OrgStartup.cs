using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Org;

namespace SalesCoach.Live.Server.OrgSetup;

/// <summary>
/// Decides at start-up, before the silo starts, which org this node runs: the newest stored revision wins, unless the
/// <c>Org:File</c> (or demo org) content changed since that revision was based on it, in which case the file wins and
/// is stored as a new revision. So edits made through the admin API survive restarts, and an operator who edits the
/// file on purpose still gets what they wrote. Two nodes starting at once with a changed file store it once: the loser
/// of the save finds the winner's revision based on the same file and takes it.
/// </summary>
public sealed class OrgStartup(Organization org, OrgSource source, IOrgStore store, OrgHistory history, ILogger<OrgStartup> logger) : IHostedService
{
    private const int Attempts = 5;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var latest = await store.GetLatestAsync(cancellationToken);
            if (latest is not null && latest.FileHash == source.Hash)
            {
                Organization stored;
                try
                {
                    stored = history.Parse(latest);
                }
                catch (OrgFileException e)
                {
                    // A stored org that no longer reads (say, a time zone this machine does not know) must not be
                    // replaced silently by the file: say so and stop, as an invalid org file does.
                    throw new InvalidOperationException($"The stored org revision {latest.Revision} cannot be used on this node: {e.Message}", e);
                }

                org.Apply(stored, latest.Revision);
                logger.LogInformation("Org: stored revision {Revision} (saved {SavedAt:o} by {SavedBy}) is based on {Name} as it is; using it",
                    latest.Revision, latest.SavedAt, latest.SavedBy, source.Name);
                return;
            }

            var saved = await store.SaveAsync(new NewOrgRevision(source.Document, source.Source, source.Source, source.Hash), latest?.Revision ?? 0, cancellationToken);
            if (saved is not null)
            {
                org.Apply(history.Parse(saved), saved.Revision);
                logger.LogInformation(latest is null
                    ? "Org: stored {Name} as revision {Revision}"
                    : "Org: {Name} changed since the stored org was based on it; stored it as revision {Revision}", source.Name, saved.Revision);
                return;
            }
        }

        throw new InvalidOperationException($"Could not store the org from {source.Name}: other saves kept coming first.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
