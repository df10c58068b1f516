using Npgsql;
using NpgsqlTypes;
using SalesCoach.Live.Storage.Postgres;

namespace SalesCoach.Live.Storage.Wallboards;

/// <summary>
/// The wallboard store in PostgreSQL (tables of deploy/sql/postgres/005_wallboards.sql, applied at first use with
/// the other scripts). Several servers may share it: a claim is one conditional update, and every change bumps the
/// change stamp each server polls.
/// </summary>
public sealed class PostgresWallboardStore : IWallboardStore, IAsyncDisposable, IDisposable
{
    private const string BoardColumns = "id, title, teams, slides, dwell_seconds, theme, revision, created_at, updated_at";
    private const string TokenColumns = "id, board_id, name, created_at";
    private const string BumpStamp = "UPDATE wallboard_changes SET stamp = stamp + 1 WHERE id = 1";

    private readonly PostgresFeatureTables tables;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates the store; nothing connects before the first call.</summary>
    public PostgresWallboardStore(PostgresStorageOptions options, TimeProvider? timeProvider = null)
        : this(new PostgresDatabase(options), ownsDatabase: true, timeProvider)
    {
    }

    /// <summary>Creates the store on the process's shared database; nothing connects before the first call.</summary>
    public PostgresWallboardStore(PostgresDatabase database, TimeProvider? timeProvider = null)
        : this(database, ownsDatabase: false, timeProvider)
    {
    }

    private PostgresWallboardStore(PostgresDatabase database, bool ownsDatabase, TimeProvider? timeProvider)
    {
        tables = new PostgresFeatureTables(database, ownsDatabase, this);
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WallboardDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<WallboardDefinition>>(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, $"SELECT {BoardColumns} FROM wallboards ORDER BY id");
            return await ReadBoardsAsync(command, cancellationToken);
        }, write: false, cancellationToken);

    /// <inheritdoc />
    public Task<WallboardDefinition?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RunAsync((connection, transaction) => FindBoardAsync(connection, transaction, id, cancellationToken), write: false, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WallboardDefinition?> CreateAsync(WallboardDefinition board, CancellationToken cancellationToken = default)
    {
        WallboardStoreRules.Check(board);
        return RunAsync(async (connection, transaction) =>
        {
            await using var insert = Command(connection, transaction, $"""
                INSERT INTO wallboards ({BoardColumns})
                VALUES (@id, @title, @teams, @slides, @dwell, @theme, 1, @now, @now)
                ON CONFLICT (id) DO NOTHING
                """);
            BindBoard(insert, board);
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", Now()));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }

            await ExecuteAsync(connection, transaction, BumpStamp, cancellationToken);
            return await FindBoardAsync(connection, transaction, board.Id, cancellationToken);
        }, write: true, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WallboardDefinition?> UpdateAsync(WallboardDefinition board, CancellationToken cancellationToken = default)
    {
        WallboardStoreRules.Check(board);
        return RunAsync(async (connection, transaction) =>
        {
            await using var update = Command(connection, transaction, """
                UPDATE wallboards SET title = @title, teams = @teams, slides = @slides, dwell_seconds = @dwell, theme = @theme,
                                      revision = revision + 1, updated_at = @now
                WHERE id = @id
                """);
            BindBoard(update, board);
            update.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", Now()));
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }

            await ExecuteAsync(connection, transaction, BumpStamp, cancellationToken);
            return await FindBoardAsync(connection, transaction, board.Id, cancellationToken);
        }, write: true, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RunAsync(async (connection, transaction) =>
        {
            await using var delete = Command(connection, transaction, "DELETE FROM wallboards WHERE id = @id");
            delete.Parameters.Add(new NpgsqlParameter<string>("id", id));
            if (await delete.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }

            foreach (var sql in new[] { "DELETE FROM wallboard_tokens WHERE board_id = @id", "DELETE FROM wallboard_pairings WHERE board_id = @id" })
            {
                await using var command = Command(connection, transaction, sql);
                command.Parameters.Add(new NpgsqlParameter<string>("id", id));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await ExecuteAsync(connection, transaction, BumpStamp, cancellationToken);
            return true;
        }, write: true, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> AddPairingAsync(string code, byte[] tokenHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(tokenHash);
        return RunAsync(async (connection, transaction) =>
        {
            await using var purge = Command(connection, transaction, "DELETE FROM wallboard_pairings WHERE expires_at < @before");
            purge.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("before", Now() - WallboardStoreRules.PairingRetention));
            await purge.ExecuteNonQueryAsync(cancellationToken);
            await using var insert = Command(connection, transaction, """
                INSERT INTO wallboard_pairings (code, token_hash, expires_at) VALUES (@code, @hash, @expires)
                ON CONFLICT (code) DO NOTHING
                """);
            insert.Parameters.Add(new NpgsqlParameter<string>("code", code));
            insert.Parameters.Add(new NpgsqlParameter<byte[]>("hash", tokenHash));
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("expires", expiresAt.ToUniversalTime()));
            return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, write: true, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PairingClaimResult> ClaimPairingAsync(
        string code, string boardId, string tokenId, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(boardId);
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        return RunAsync(async (connection, transaction) =>
        {
            // FOR SHARE: a board deleted by another server at the same moment cannot lose the race and leave a token
            // of a board that no longer exists.
            await using (var board = Command(connection, transaction, "SELECT 1 FROM wallboards WHERE id = @id FOR SHARE"))
            {
                board.Parameters.Add(new NpgsqlParameter<string>("id", boardId));
                if (await board.ExecuteScalarAsync(cancellationToken) is null)
                {
                    return new PairingClaimResult(PairingClaimOutcome.UnknownBoard, null);
                }
            }

            var now = Now();
            byte[] hash;
            await using (var claim = Command(connection, transaction, """
                UPDATE wallboard_pairings SET board_id = @board, token_id = @token, claimed_at = @now
                WHERE code = @code AND board_id IS NULL AND expires_at > @now
                RETURNING token_hash
                """))
            {
                claim.Parameters.Add(new NpgsqlParameter<string>("board", boardId));
                claim.Parameters.Add(new NpgsqlParameter<string>("token", tokenId));
                claim.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
                claim.Parameters.Add(new NpgsqlParameter<string>("code", code));
                if (await claim.ExecuteScalarAsync(cancellationToken) is not byte[] claimed)
                {
                    return new PairingClaimResult(PairingClaimOutcome.UnknownCode, null);
                }

                hash = claimed;
            }

            await using (var insert = Command(connection, transaction, """
                INSERT INTO wallboard_tokens (id, board_id, token_hash, name, created_at) VALUES (@id, @board, @hash, @name, @now)
                """))
            {
                insert.Parameters.Add(new NpgsqlParameter<string>("id", tokenId));
                insert.Parameters.Add(new NpgsqlParameter<string>("board", boardId));
                insert.Parameters.Add(new NpgsqlParameter<byte[]>("hash", hash));
                insert.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = (object?)name ?? DBNull.Value });
                insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await ExecuteAsync(connection, transaction, BumpStamp, cancellationToken);
            return new PairingClaimResult(PairingClaimOutcome.Claimed, new BoardToken(tokenId, boardId, name, now));
        }, write: true, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ClaimedPairing>> FindClaimedPairingsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<ClaimedPairing>>([]);
        }

        return RunAsync<IReadOnlyList<ClaimedPairing>>(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, """
                SELECT code, board_id, token_id FROM wallboard_pairings
                WHERE code = ANY(@codes) AND board_id IS NOT NULL
                ORDER BY code
                """);
            command.Parameters.Add(new NpgsqlParameter<string[]>("codes", [.. codes]));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var claimed = new List<ClaimedPairing>();
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new ClaimedPairing(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }

            return claimed;
        }, write: false, cancellationToken);
    }

    /// <inheritdoc />
    public Task RemovePairingsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            return Task.CompletedTask;
        }

        return RunAsync(async (connection, transaction) =>
        {
            await using var delete = Command(connection, transaction, "DELETE FROM wallboard_pairings WHERE code = ANY(@codes)");
            delete.Parameters.Add(new NpgsqlParameter<string[]>("codes", [.. codes]));
            return await delete.ExecuteNonQueryAsync(cancellationToken);
        }, write: true, cancellationToken);
    }

    /// <inheritdoc />
    public Task<BoardToken?> FindTokenAsync(byte[] tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return RunAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, $"SELECT {TokenColumns} FROM wallboard_tokens WHERE token_hash = @hash");
            command.Parameters.Add(new NpgsqlParameter<byte[]>("hash", tokenHash));
            return (await ReadTokensAsync(command, cancellationToken)).FirstOrDefault();
        }, write: false, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BoardToken>> ListTokensAsync(string boardId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(boardId);
        return RunAsync<IReadOnlyList<BoardToken>>(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, $"SELECT {TokenColumns} FROM wallboard_tokens WHERE board_id = @board ORDER BY created_at, id");
            command.Parameters.Add(new NpgsqlParameter<string>("board", boardId));
            return await ReadTokensAsync(command, cancellationToken);
        }, write: false, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindExistingTokenIdsAsync(IReadOnlyCollection<string> tokenIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        if (tokenIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        return RunAsync<IReadOnlyList<string>>(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, "SELECT id FROM wallboard_tokens WHERE id = ANY(@ids) ORDER BY id");
            command.Parameters.Add(new NpgsqlParameter<string[]>("ids", [.. tokenIds]));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var ids = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }, write: false, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RevokeTokenAsync(string boardId, string tokenId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(boardId);
        ArgumentNullException.ThrowIfNull(tokenId);
        return RunAsync(async (connection, transaction) =>
        {
            await using var delete = Command(connection, transaction, "DELETE FROM wallboard_tokens WHERE id = @id AND board_id = @board");
            delete.Parameters.Add(new NpgsqlParameter<string>("id", tokenId));
            delete.Parameters.Add(new NpgsqlParameter<string>("board", boardId));
            if (await delete.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }

            await ExecuteAsync(connection, transaction, BumpStamp, cancellationToken);
            return true;
        }, write: true, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> GetChangeStampAsync(CancellationToken cancellationToken = default) =>
        RunAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, "SELECT stamp FROM wallboard_changes WHERE id = 1");
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, write: false, cancellationToken);

    /// <summary>Closes the connection pool.</summary>
    public ValueTask DisposeAsync() => tables.DisposeAsync();

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => tables.Dispose();

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) => new(sql, connection, transaction);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void BindBoard(NpgsqlCommand command, WallboardDefinition board)
    {
        command.Parameters.Add(new NpgsqlParameter<string>("id", board.Id));
        command.Parameters.Add(new NpgsqlParameter<string>("title", board.Title));
        command.Parameters.Add(new NpgsqlParameter<string>("teams", WallboardStoreRules.ToJson(board.Teams)));
        command.Parameters.Add(new NpgsqlParameter<string>("slides", WallboardStoreRules.ToJson(board.Slides)));
        command.Parameters.Add(new NpgsqlParameter<int>("dwell", board.DwellSeconds));
        command.Parameters.Add(new NpgsqlParameter<string>("theme", board.Theme));
    }

    private static async Task<WallboardDefinition?> FindBoardAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {BoardColumns} FROM wallboards WHERE id = @id");
        command.Parameters.Add(new NpgsqlParameter<string>("id", id));
        return (await ReadBoardsAsync(command, cancellationToken)).FirstOrDefault();
    }

    private static async Task<List<WallboardDefinition>> ReadBoardsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var boards = new List<WallboardDefinition>();
        while (await reader.ReadAsync(cancellationToken))
        {
            boards.Add(new WallboardDefinition(
                Id: reader.GetString(0),
                Title: reader.GetString(1),
                Teams: WallboardStoreRules.FromJson(reader.GetString(2)),
                Slides: WallboardStoreRules.FromJson(reader.GetString(3)),
                DwellSeconds: reader.GetInt32(4),
                Theme: reader.GetString(5),
                Revision: reader.GetInt64(6),
                CreatedAt: reader.GetFieldValue<DateTimeOffset>(7),
                UpdatedAt: reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return boards;
    }

    private static async Task<List<BoardToken>> ReadTokensAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<BoardToken>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(new BoardToken(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return tokens;
    }

    // Whole microseconds in UTC, as PostgreSQL keeps them: what a write returns equals what a read gives back.
    private DateTimeOffset Now()
    {
        var now = timeProvider.GetUtcNow().ToUniversalTime();
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
    }

    private async Task<T> RunAsync<T>(
        Func<NpgsqlConnection, NpgsqlTransaction?, Task<T>> run, bool write, CancellationToken cancellationToken)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        if (!write)
        {
            return await run(connection, null);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await run(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
