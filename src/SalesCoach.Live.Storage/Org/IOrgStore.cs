namespace SalesCoach.Live.Storage.Org;

/// <summary>
/// The org document's revisions, kept in the product's store beside the activity log (SQLite or PostgreSQL). Every
/// save is a new revision; nothing is overwritten, so the audit can tell which rule changed when. Several servers
/// may share one PostgreSQL store: a save names the revision it was based on and fails when another came first.
/// </summary>
public interface IOrgStore
{
    /// <summary>The newest revision, or null while none was saved.</summary>
    Task<OrgRevision?> GetLatestAsync(CancellationToken cancellationToken = default);

    /// <summary>The newest revision's number (0 while none was saved): cheap enough to poll every few seconds.</summary>
    Task<long> GetLatestNumberAsync(CancellationToken cancellationToken = default);

    /// <summary>One revision, or null.</summary>
    Task<OrgRevision?> FindAsync(long revision, CancellationToken cancellationToken = default);

    /// <summary>Revisions newest first, at most <paramref name="limit"/> (1 to 500), those before <paramref name="beforeRevision"/> if given.</summary>
    Task<IReadOnlyList<OrgRevision>> ListAsync(int limit, long? beforeRevision = null, CancellationToken cancellationToken = default);

    /// <summary>The revisions saved from <paramref name="from"/> to <paramref name="to"/> (both included), oldest first.</summary>
    Task<IReadOnlyList<OrgRevision>> ListSavedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="revision"/> as number <paramref name="basedOn"/> + 1, only if <paramref name="basedOn"/> is
    /// still the newest (0: the store is empty). Returns the saved revision, or null when another save came first.
    /// </summary>
    Task<OrgRevision?> SaveAsync(NewOrgRevision revision, long basedOn, CancellationToken cancellationToken = default);
}
