using Npgsql;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Postgres;

namespace SalesCoach.Live.Storage.Org;

/// <summary>
/// The org revisions in PostgreSQL (the table of deploy/sql/postgres/007_org_revisions.sql, applied at first use with
/// the other scripts). Several servers share it: a save inserts "newest + 1" only when the newest is the revision it
/// was based on, and the primary key turns two racing saves into one success and one conflict.
/// </summary>
public sealed class PostgresOrgStore : IOrgStore, IAsyncDisposable, IDisposable
{
    private const string Columns = "revision, document, saved_at, saved_by, source, file_hash";

    private readonly PostgresFeatureTables tables;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates the store; nothing connects before the first call.</summary>
    public PostgresOrgStore(PostgresStorageOptions options, TimeProvider? timeProvider = null)
        : this(new PostgresDatabase(options), ownsDatabase: true, timeProvider)
    {
    }

    /// <summary>Creates the store on the process's shared database; nothing connects before the first call.</summary>
    public PostgresOrgStore(PostgresDatabase database, TimeProvider? timeProvider = null)
        : this(database, ownsDatabase: false, timeProvider)
    {
    }

    private PostgresOrgStore(PostgresDatabase database, bool ownsDatabase, TimeProvider? timeProvider)
    {
        tables = new PostgresFeatureTables(database, ownsDatabase, this);
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<OrgRevision?> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM org_revisions ORDER BY revision DESC LIMIT 1", connection);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<long> GetLatestNumberAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(revision), 0) FROM org_revisions", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task<OrgRevision?> FindAsync(long revision, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM org_revisions WHERE revision = @revision", connection);
        command.Parameters.Add(new NpgsqlParameter<long>("revision", revision));
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OrgRevision>> ListAsync(int limit, long? beforeRevision = null, CancellationToken cancellationToken = default)
    {
        OrgStoreRules.CheckLimit(limit);
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM org_revisions WHERE revision < @before ORDER BY revision DESC LIMIT @limit", connection);
        command.Parameters.Add(new NpgsqlParameter<long>("before", beforeRevision ?? long.MaxValue));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        return await ReadAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OrgRevision>> ListSavedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM org_revisions WHERE saved_at >= @from AND saved_at <= @to ORDER BY revision", connection);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("from", from.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("to", to.ToUniversalTime()));
        return await ReadAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<OrgRevision?> SaveAsync(NewOrgRevision revision, long basedOn, CancellationToken cancellationToken = default)
    {
        OrgStoreRules.Check(revision, basedOn);
        await using var connection = await tables.OpenAsync(cancellationToken);
        // The WHERE refuses a stale base; ON CONFLICT refuses the loser of two saves on the same base that both passed it.
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO org_revisions ({Columns})
            SELECT @revision, @document, @saved_at, @saved_by, @source, @file_hash
            WHERE (SELECT COALESCE(MAX(revision), 0) FROM org_revisions) = @based_on
            ON CONFLICT (revision) DO NOTHING
            RETURNING {Columns}
            """, connection);
        insert.Parameters.Add(new NpgsqlParameter<long>("revision", basedOn + 1));
        insert.Parameters.Add(new NpgsqlParameter<long>("based_on", basedOn));
        insert.Parameters.Add(new NpgsqlParameter<string>("document", revision.Document));
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("saved_at", StoredTime.Truncate(timeProvider.GetUtcNow()).ToUniversalTime()));
        insert.Parameters.Add(new NpgsqlParameter<string>("saved_by", revision.SavedBy));
        insert.Parameters.Add(new NpgsqlParameter<string>("source", revision.Source));
        insert.Parameters.Add(new NpgsqlParameter("file_hash", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)revision.FileHash ?? DBNull.Value });
        return (await ReadAsync(insert, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Closes the data source's connections.</summary>
    public ValueTask DisposeAsync() => tables.DisposeAsync();

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => tables.Dispose();

    private static async Task<List<OrgRevision>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var revisions = new List<OrgRevision>();
        while (await reader.ReadAsync(cancellationToken))
        {
            revisions.Add(new OrgRevision(
                Revision: reader.GetInt64(0),
                Document: reader.GetString(1),
                SavedAt: reader.GetFieldValue<DateTimeOffset>(2),
                SavedBy: reader.GetString(3),
                Source: reader.GetString(4),
                FileHash: reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return revisions;
    }
}
