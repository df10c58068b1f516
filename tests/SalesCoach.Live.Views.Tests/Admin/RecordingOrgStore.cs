using SalesCoach.Live.Storage.Sqlite;
using SalesCoach.Live.Storage.Org;

namespace SalesCoach.Live.Views.Tests.Admin;

/// <summary>A SQLite org store in a temporary file that records every save asked of it (document and base revision).</summary>
public sealed class RecordingOrgStore : IOrgStore, IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"org-page-{Guid.NewGuid():N}.db");
    private readonly SqliteOrgStore _inner;

    public RecordingOrgStore() => _inner = new SqliteOrgStore(new SqliteStorageOptions { Path = _path });

    public List<(NewOrgRevision Revision, long BasedOn)> Saves { get; } = [];

    public Task<OrgRevision?> GetLatestAsync(CancellationToken cancellationToken = default) => _inner.GetLatestAsync(cancellationToken);

    public Task<long> GetLatestNumberAsync(CancellationToken cancellationToken = default) => _inner.GetLatestNumberAsync(cancellationToken);

    public Task<OrgRevision?> FindAsync(long revision, CancellationToken cancellationToken = default) => _inner.FindAsync(revision, cancellationToken);

    public Task<IReadOnlyList<OrgRevision>> ListAsync(int limit, long? beforeRevision = null, CancellationToken cancellationToken = default) =>
        _inner.ListAsync(limit, beforeRevision, cancellationToken);

    public Task<IReadOnlyList<OrgRevision>> ListSavedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        _inner.ListSavedBetweenAsync(from, to, cancellationToken);

    public Task<OrgRevision?> SaveAsync(NewOrgRevision revision, long basedOn, CancellationToken cancellationToken = default)
    {
        Saves.Add((revision, basedOn));
        return _inner.SaveAsync(revision, basedOn, cancellationToken);
    }

    /// <summary>Saves a revision behind the page's back (not recorded), as another admin would.</summary>
    public Task<OrgRevision?> SaveElsewhereAsync(string document, long basedOn) =>
        _inner.SaveAsync(new NewOrgRevision(document, "someone-else", OrgRevisionSources.Edit, null), basedOn);

    public async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
