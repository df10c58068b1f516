namespace SalesCoach.Live.Storage.Sqlite;

/// <summary>The SQLite schema and the statements that use it.</summary>
internal static class SqliteSchema
{
    /// <summary>Bumped when the schema changes, so a newer file is refused instead of misread.</summary>
    public const int Version = 1;

    // occurred_at_us is UTC microseconds (indexable, sortable); the sender's offset is kept beside it so that
    // OccurredAt reads back as it was given. value is invariant TEXT because SQLite's REAL would lose decimals.
    // The unique (rep_id, rep_seq) index is also a guard: a stale rep counter fails the commit instead of
    // storing a second activity under the same RepSeq.
    public const string Create = """
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
        """;

    public const string Insert = """
        INSERT INTO activities (id, rep_id, rep_seq, type, occurred_at_us, occurred_offset_min, quantity, value, source, received_at_us)
        VALUES ($id, $rep_id, $rep_seq, $type, $occurred_at_us, $occurred_offset_min, $quantity, $value, $source, $received_at_us)
        ON CONFLICT (id) DO NOTHING
        RETURNING seq
        """;

    public const string MaxRepSeq = "SELECT COALESCE(MAX(rep_seq), 0) FROM activities WHERE rep_id = $rep_id";

    public const string Columns =
        "seq, rep_seq, id, rep_id, type, occurred_at_us, occurred_offset_min, quantity, value, source, received_at_us";

    // json_each lets one prepared statement take any number of reps, with no limit on bound variables.
    public const string ByOccurrence = $"""
        SELECT {Columns} FROM activities
        WHERE rep_id IN (SELECT value FROM json_each($rep_ids))
          AND occurred_at_us >= $from_us AND occurred_at_us <= $to_us
        ORDER BY seq
        """;

    public const string RepTail = $"""
        SELECT {Columns} FROM activities
        WHERE rep_id = $rep_id AND rep_seq > $after
        ORDER BY rep_seq
        """;

    public const string ById = $"""
        SELECT {Columns} FROM activities WHERE id = $id
        """;
}
