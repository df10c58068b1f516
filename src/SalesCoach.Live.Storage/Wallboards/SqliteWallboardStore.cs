using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Sqlite;
using static SalesCoach.Live.Storage.Sqlite.SqliteFeatureTables;

namespace SalesCoach.Live.Storage.Wallboards;

/// <summary>
/// The wallboard store in the embedded SQLite file, beside the activity log (own tables, created at first use).
/// Writes are short transactions of their own; SQLite's busy handling lets them wait for the log's writer.
/// </summary>
public sealed class SqliteWallboardStore : IWallboardStore, IAsyncDisposable, IDisposable
{

    private const string BoardColumns = "id, title, teams, slides, dwell_seconds, theme, revision, created_at_us, updated_at_us";
    private const string TokenColumns = "id, board_id, name, created_at_us";
    private const string BumpStamp = "UPDATE wallboard_changes SET stamp = stamp + 1 WHERE id = 1;";

    private readonly TimeProvider timeProvider;
    private readonly SqliteFeatureTables tables;

    /// <summary>Opens (lazily: nothing touches the disk before the first call) the store in <see cref="SqliteStorageOptions.Path"/>.</summary>
    public SqliteWallboardStore(SqliteStorageOptions options, TimeProvider? timeProvider = null)
    {
        tables = new SqliteFeatureTables(options, this, timeProvider);
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath => tables.FilePath;

    /// <inheritdoc />
    public Task<IReadOnlyList<WallboardDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<WallboardDefinition>>(connection =>
        {
            using var command = Command(connection, $"SELECT {BoardColumns} FROM wallboards ORDER BY id");
            return ReadBoards(command);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<WallboardDefinition?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(connection => FindBoard(connection, null, id), cancellationToken);
    }

    /// <inheritdoc />
    public Task<WallboardDefinition?> CreateAsync(WallboardDefinition board, CancellationToken cancellationToken = default)
    {
        WallboardStoreRules.Check(board);
        return WriteAsync((connection, transaction) =>
        {
            var now = Now();
            using var insert = Command(connection, $"""
                INSERT INTO wallboards ({BoardColumns})
                VALUES ($id, $title, $teams, $slides, $dwell, $theme, 1, $now, $now)
                ON CONFLICT (id) DO NOTHING
                """, transaction);
            BindBoard(insert, board);
            insert.Parameters.AddWithValue("$now", now);
            if (insert.ExecuteNonQuery() == 0)
            {
                return null;
            }

            Execute(connection, transaction, BumpStamp);
            return FindBoard(connection, transaction, board.Id);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WallboardDefinition?> UpdateAsync(WallboardDefinition board, CancellationToken cancellationToken = default)
    {
        WallboardStoreRules.Check(board);
        return WriteAsync((connection, transaction) =>
        {
            using var update = Command(connection, """
                UPDATE wallboards SET title = $title, teams = $teams, slides = $slides, dwell_seconds = $dwell, theme = $theme,
                                      revision = revision + 1, updated_at_us = $now
                WHERE id = $id
                """, transaction);
            BindBoard(update, board);
            update.Parameters.AddWithValue("$now", Now());
            if (update.ExecuteNonQuery() == 0)
            {
                return null;
            }

            Execute(connection, transaction, BumpStamp);
            return FindBoard(connection, transaction, board.Id);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return WriteAsync((connection, transaction) =>
        {
            using var delete = Command(connection, "DELETE FROM wallboards WHERE id = $id", transaction);
            delete.Parameters.AddWithValue("$id", id);
            if (delete.ExecuteNonQuery() == 0)
            {
                return false;
            }

            using var tokens = Command(connection, """
                DELETE FROM wallboard_tokens WHERE board_id = $id;
                DELETE FROM wallboard_pairings WHERE board_id = $id;
                """, transaction);
            tokens.Parameters.AddWithValue("$id", id);
            tokens.ExecuteNonQuery();
            Execute(connection, transaction, BumpStamp);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> AddPairingAsync(string code, byte[] tokenHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(tokenHash);
        return WriteAsync((connection, transaction) =>
        {
            using var purge = Command(connection, "DELETE FROM wallboard_pairings WHERE expires_at_us < $before", transaction);
            purge.Parameters.AddWithValue("$before", StoredTime.ToUnixMicrosecondsFloor(timeProvider.GetUtcNow() - WallboardStoreRules.PairingRetention));
            purge.ExecuteNonQuery();
            using var insert = Command(connection, """
                INSERT INTO wallboard_pairings (code, token_hash, expires_at_us) VALUES ($code, $hash, $expires)
                ON CONFLICT (code) DO NOTHING
                """, transaction);
            insert.Parameters.AddWithValue("$code", code);
            insert.Parameters.AddWithValue("$hash", tokenHash);
            insert.Parameters.AddWithValue("$expires", StoredTime.ToUnixMicrosecondsFloor(expiresAt));
            return insert.ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PairingClaimResult> ClaimPairingAsync(
        string code, string boardId, string tokenId, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(boardId);
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        return WriteAsync((connection, transaction) =>
        {
            if (FindBoard(connection, transaction, boardId) is null)
            {
                return new PairingClaimResult(PairingClaimOutcome.UnknownBoard, null);
            }

            var now = Now();
            using var claim = Command(connection, """
                UPDATE wallboard_pairings SET board_id = $board, token_id = $token, claimed_at_us = $now
                WHERE code = $code AND board_id IS NULL AND expires_at_us > $now
                RETURNING token_hash
                """, transaction);
            claim.Parameters.AddWithValue("$board", boardId);
            claim.Parameters.AddWithValue("$token", tokenId);
            claim.Parameters.AddWithValue("$now", now);
            claim.Parameters.AddWithValue("$code", code);
            if (claim.ExecuteScalar() is not byte[] hash)
            {
                return new PairingClaimResult(PairingClaimOutcome.UnknownCode, null);
            }

            using var insert = Command(connection, """
                INSERT INTO wallboard_tokens (id, board_id, token_hash, name, created_at_us) VALUES ($id, $board, $hash, $name, $now)
                """, transaction);
            insert.Parameters.AddWithValue("$id", tokenId);
            insert.Parameters.AddWithValue("$board", boardId);
            insert.Parameters.AddWithValue("$hash", hash);
            insert.Parameters.AddWithValue("$name", (object?)name ?? DBNull.Value);
            insert.Parameters.AddWithValue("$now", now);
            insert.ExecuteNonQuery();
            Execute(connection, transaction, BumpStamp);
            return new PairingClaimResult(PairingClaimOutcome.Claimed, new BoardToken(tokenId, boardId, name, StoredTime.FromUnixMicroseconds(now, 0)));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ClaimedPairing>> FindClaimedPairingsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<ClaimedPairing>>([]);
        }

        return ReadAsync<IReadOnlyList<ClaimedPairing>>(connection =>
        {
            using var command = Command(connection, """
                SELECT code, board_id, token_id FROM wallboard_pairings
                WHERE code IN (SELECT value FROM json_each($codes)) AND board_id IS NOT NULL
                ORDER BY code
                """);
            command.Parameters.AddWithValue("$codes", JsonSerializer.Serialize(codes));
            using var reader = command.ExecuteReader();
            var claimed = new List<ClaimedPairing>();
            while (reader.Read())
            {
                claimed.Add(new ClaimedPairing(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }

            return claimed;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task RemovePairingsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            return Task.CompletedTask;
        }

        return WriteAsync((connection, transaction) =>
        {
            using var delete = Command(connection, "DELETE FROM wallboard_pairings WHERE code IN (SELECT value FROM json_each($codes))", transaction);
            delete.Parameters.AddWithValue("$codes", JsonSerializer.Serialize(codes));
            return delete.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<BoardToken?> FindTokenAsync(byte[] tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return ReadAsync(connection =>
        {
            using var command = Command(connection, $"SELECT {TokenColumns} FROM wallboard_tokens WHERE token_hash = $hash");
            command.Parameters.AddWithValue("$hash", tokenHash);
            return ReadTokens(command).FirstOrDefault();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<BoardToken>> ListTokensAsync(string boardId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(boardId);
        return ReadAsync<IReadOnlyList<BoardToken>>(connection =>
        {
            using var command = Command(connection, $"SELECT {TokenColumns} FROM wallboard_tokens WHERE board_id = $board ORDER BY created_at_us, id");
            command.Parameters.AddWithValue("$board", boardId);
            return ReadTokens(command);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindExistingTokenIdsAsync(IReadOnlyCollection<string> tokenIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        if (tokenIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        return ReadAsync<IReadOnlyList<string>>(connection =>
        {
            using var command = Command(connection, "SELECT id FROM wallboard_tokens WHERE id IN (SELECT value FROM json_each($ids)) ORDER BY id");
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(tokenIds));
            using var reader = command.ExecuteReader();
            var ids = new List<string>();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RevokeTokenAsync(string boardId, string tokenId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(boardId);
        ArgumentNullException.ThrowIfNull(tokenId);
        return WriteAsync((connection, transaction) =>
        {
            using var delete = Command(connection, "DELETE FROM wallboard_tokens WHERE id = $id AND board_id = $board", transaction);
            delete.Parameters.AddWithValue("$id", tokenId);
            delete.Parameters.AddWithValue("$board", boardId);
            if (delete.ExecuteNonQuery() == 0)
            {
                return false;
            }

            Execute(connection, transaction, BumpStamp);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> GetChangeStampAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection =>
        {
            using var command = Command(connection, "SELECT stamp FROM wallboard_changes WHERE id = 1");
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <summary>Closes the pooled connections, which would otherwise keep the file open.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => tables.Dispose();

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, sql, transaction);
        command.ExecuteNonQuery();
    }

    private static void BindBoard(SqliteCommand command, WallboardDefinition board)
    {
        command.Parameters.AddWithValue("$id", board.Id);
        command.Parameters.AddWithValue("$title", board.Title);
        command.Parameters.AddWithValue("$teams", WallboardStoreRules.ToJson(board.Teams));
        command.Parameters.AddWithValue("$slides", WallboardStoreRules.ToJson(board.Slides));
        command.Parameters.AddWithValue("$dwell", board.DwellSeconds);
        command.Parameters.AddWithValue("$theme", board.Theme);
    }

    private static WallboardDefinition? FindBoard(SqliteConnection connection, SqliteTransaction? transaction, string id)
    {
        using var command = Command(connection, $"SELECT {BoardColumns} FROM wallboards WHERE id = $id", transaction);
        command.Parameters.AddWithValue("$id", id);
        return ReadBoards(command).FirstOrDefault();
    }

    private static List<WallboardDefinition> ReadBoards(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var boards = new List<WallboardDefinition>();
        while (reader.Read())
        {
            boards.Add(new WallboardDefinition(
                Id: reader.GetString(0),
                Title: reader.GetString(1),
                Teams: WallboardStoreRules.FromJson(reader.GetString(2)),
                Slides: WallboardStoreRules.FromJson(reader.GetString(3)),
                DwellSeconds: reader.GetInt32(4),
                Theme: reader.GetString(5),
                Revision: reader.GetInt64(6),
                CreatedAt: StoredTime.FromUnixMicroseconds(reader.GetInt64(7), 0),
                UpdatedAt: StoredTime.FromUnixMicroseconds(reader.GetInt64(8), 0)));
        }

        return boards;
    }

    private static List<BoardToken> ReadTokens(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var tokens = new List<BoardToken>();
        while (reader.Read())
        {
            tokens.Add(new BoardToken(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                StoredTime.FromUnixMicroseconds(reader.GetInt64(3), 0)));
        }

        return tokens;
    }

    private long Now() => StoredTime.ToUnixMicrosecondsFloor(timeProvider.GetUtcNow());

    private Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken) =>
        tables.ReadAsync(read, cancellationToken);

    private Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken) =>
        tables.WriteAsync(write, cancellationToken);
}
