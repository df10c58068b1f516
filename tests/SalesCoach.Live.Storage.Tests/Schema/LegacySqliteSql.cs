namespace SalesCoach.Live.Storage.Tests.Schema;

/// <summary>
/// The SQL of the SQLite stores as it was before the schema runner (copied from that code, which created its tables
/// with these statements at first use): the fixtures of the upgrade-in-place tests.
/// </summary>
internal static class LegacySqliteSql
{
    /// <summary>The activity log (SqliteSchema.Create, and the user_version it set).</summary>
    public const string ActivityLog = """
        CREATE TABLE IF NOT EXISTS activities (
            seq                 INTEGER PRIMARY KEY,
            id                  TEXT    NOT NULL UNIQUE,
            rep_id              TEXT    NOT NULL,
            rep_seq             INTEGER NOT NULL,
            type                TEXT    NOT NULL,
            occurred_at_us      INTEGER NOT NULL,
            occurred_offset_min INTEGER NOT NULL,
            quantity            INTEGER NOT NULL,
            value               TEXT    NULL,
            source              TEXT    NULL,
            received_at_us      INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_activities_rep_seq ON activities (rep_id, rep_seq);
        CREATE INDEX IF NOT EXISTS ix_activities_rep_occurred ON activities (rep_id, occurred_at_us);
        PRAGMA user_version = 1;
        """;

    /// <summary>The wallboard store's tables.</summary>
    public const string Wallboards = """
        CREATE TABLE IF NOT EXISTS wallboards (
            id            TEXT    NOT NULL PRIMARY KEY,
            title         TEXT    NOT NULL,
            teams         TEXT    NOT NULL,
            slides        TEXT    NOT NULL,
            dwell_seconds INTEGER NOT NULL,
            theme         TEXT    NOT NULL,
            revision      INTEGER NOT NULL,
            created_at_us INTEGER NOT NULL,
            updated_at_us INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS wallboard_tokens (
            id            TEXT    NOT NULL PRIMARY KEY,
            board_id      TEXT    NOT NULL,
            token_hash    BLOB    NOT NULL UNIQUE,
            name          TEXT    NULL,
            created_at_us INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_wallboard_tokens_board ON wallboard_tokens (board_id);
        CREATE TABLE IF NOT EXISTS wallboard_pairings (
            code          TEXT    NOT NULL PRIMARY KEY,
            token_hash    BLOB    NOT NULL,
            expires_at_us INTEGER NOT NULL,
            board_id      TEXT    NULL,
            token_id      TEXT    NULL,
            claimed_at_us INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS ix_wallboard_pairings_expires ON wallboard_pairings (expires_at_us);
        CREATE TABLE IF NOT EXISTS wallboard_changes (
            id    INTEGER NOT NULL PRIMARY KEY,
            stamp INTEGER NOT NULL
        );
        INSERT INTO wallboard_changes (id, stamp) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
        """;

    /// <summary>The org store's table.</summary>
    public const string OrgRevisions = """
        CREATE TABLE IF NOT EXISTS org_revisions (
            revision    INTEGER PRIMARY KEY,
            document    TEXT    NOT NULL,
            saved_at_us INTEGER NOT NULL,
            saved_by    TEXT    NOT NULL,
            source      TEXT    NOT NULL,
            file_hash   TEXT    NULL
        );
        CREATE INDEX IF NOT EXISTS ix_org_revisions_saved_at ON org_revisions (saved_at_us);
        """;

    /// <summary>The grain-state file (SqliteGrainDatabase).</summary>
    public const string GrainState = """
        CREATE TABLE IF NOT EXISTS orleans_grain_state (
            service_id  TEXT    NOT NULL,
            state_name  TEXT    NOT NULL,
            grain_id    TEXT    NOT NULL,
            payload     TEXT    NULL,
            version     INTEGER NOT NULL,
            modified_us INTEGER NOT NULL,
            PRIMARY KEY (service_id, state_name, grain_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS orleans_reminders (
            service_id     TEXT    NOT NULL,
            grain_id       TEXT    NOT NULL,
            reminder_name  TEXT    NOT NULL,
            start_at_ticks INTEGER NOT NULL,
            period_ms      INTEGER NOT NULL,
            grain_hash     INTEGER NOT NULL,
            version        INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS orleans_reminders_ring ON orleans_reminders (service_id, grain_hash);
        """;
}
