using Microsoft.Data.Sqlite;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Sqlite;
using static SalesCoach.Live.Storage.Sqlite.SqliteFeatureTables;

namespace SalesCoach.Live.Storage.Org;

/// <summary>
/// The org revisions in the embedded SQLite file, beside the activity log (a table of its own, created at first use).
/// A save checks the newest revision and inserts the next one in one IMMEDIATE transaction, so two saves based on the
/// same revision cannot both succeed.
/// </summary>
public sealed class SqliteOrgStore : IOrgStore, IAsyncDisposable, IDisposable
{

    private const string Columns = "revision, document, saved_at_us, saved_by, source, file_hash";

    private readonly TimeProvider timeProvider;
    private readonly SqliteFeatureTables tables;

    /// <summary>Opens (lazily: nothing touches the disk before the first call) the store in <see cref="SqliteStorageOptions.Path"/>.</summary>
    public SqliteOrgStore(SqliteStorageOptions options, TimeProvider? timeProvider = null)
    {
        tables = new SqliteFeatureTables(options, this, timeProvider);
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath => tables.FilePath;

    /// <inheritdoc />
    public Task<OrgRevision?> GetLatestAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection =>
        {
            using var command = Command(connection, $"SELECT {Columns} FROM org_revisions ORDER BY revision DESC LIMIT 1");
            return Read(command).SingleOrDefault();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<long> GetLatestNumberAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection =>
        {
            using var command = Command(connection, "SELECT COALESCE(MAX(revision), 0) FROM org_revisions");
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<OrgRevision?> FindAsync(long revision, CancellationToken cancellationToken = default) =>
        ReadAsync(connection =>
        {
            using var command = Command(connection, $"SELECT {Columns} FROM org_revisions WHERE revision = $revision");
            command.Parameters.AddWithValue("$revision", revision);
            return Read(command).SingleOrDefault();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OrgRevision>> ListAsync(int limit, long? beforeRevision = null, CancellationToken cancellationToken = default)
    {
        OrgStoreRules.CheckLimit(limit);
        return ReadAsync<IReadOnlyList<OrgRevision>>(connection =>
        {
            using var command = Command(connection, $"""
                SELECT {Columns} FROM org_revisions WHERE revision < $before ORDER BY revision DESC LIMIT $limit
                """);
            command.Parameters.AddWithValue("$before", beforeRevision ?? long.MaxValue);
            command.Parameters.AddWithValue("$limit", limit);
            return Read(command);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OrgRevision>> ListSavedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<OrgRevision>>(connection =>
        {
            using var command = Command(connection, $"""
                SELECT {Columns} FROM org_revisions WHERE saved_at_us >= $from AND saved_at_us <= $to ORDER BY revision
                """);
            command.Parameters.AddWithValue("$from", StoredTime.ToUnixMicrosecondsCeiling(from));
            command.Parameters.AddWithValue("$to", StoredTime.ToUnixMicrosecondsFloor(to));
            return Read(command);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<OrgRevision?> SaveAsync(NewOrgRevision revision, long basedOn, CancellationToken cancellationToken = default)
    {
        OrgStoreRules.Check(revision, basedOn);
        return WriteAsync<OrgRevision?>((connection, transaction) =>
        {
            using (var latest = Command(connection, "SELECT COALESCE(MAX(revision), 0) FROM org_revisions", transaction))
            {
                if (Convert.ToInt64(latest.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != basedOn)
                {
                    return null;
                }
            }

            using var insert = Command(connection, $"""
                INSERT INTO org_revisions ({Columns}) VALUES ($revision, $document, $saved_at, $saved_by, $source, $file_hash)
                RETURNING {Columns}
                """, transaction);
            insert.Parameters.AddWithValue("$revision", basedOn + 1);
            insert.Parameters.AddWithValue("$document", revision.Document);
            insert.Parameters.AddWithValue("$saved_at", StoredTime.ToUnixMicrosecondsFloor(timeProvider.GetUtcNow()));
            insert.Parameters.AddWithValue("$saved_by", revision.SavedBy);
            insert.Parameters.AddWithValue("$source", revision.Source);
            insert.Parameters.AddWithValue("$file_hash", (object?)revision.FileHash ?? DBNull.Value);
            return Read(insert).Single();
        }, cancellationToken);
    }

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => tables.Dispose();

    private static List<OrgRevision> Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var revisions = new List<OrgRevision>();
        while (reader.Read())
        {
            revisions.Add(new OrgRevision(
                Revision: reader.GetInt64(0),
                Document: reader.GetString(1),
                SavedAt: StoredTime.FromUnixMicroseconds(reader.GetInt64(2), 0),
                SavedBy: reader.GetString(3),
                Source: reader.GetString(4),
                FileHash: reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return revisions;
    }

    private Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken) =>
        tables.ReadAsync(read, cancellationToken);

    private Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken) =>
        tables.WriteAsync(write, cancellationToken);
}
