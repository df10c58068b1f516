namespace SalesCoach.Live.Storage.Sqlite;

/// <summary>The statements of the SQLite activity log (its tables are made by <c>Sqlite/Sql/001_activity_log.sql</c>).</summary>
internal static class SqliteSchema
{
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
