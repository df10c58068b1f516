-- SalesCoach.Live embedded store (SQLite), the main file (the activity log). The server applies each script of this folder
-- once, in number order, and records it in schema_versions (one IMMEDIATE transaction).
-- A file made before schema_versions existed already holds this script's objects when it has this table:
-- adopt-if-table: activities

-- occurred_at_us is UTC microseconds (indexable, sortable); the sender's offset is kept beside it so that
-- OccurredAt reads back as it was given. value is invariant TEXT because SQLite's REAL would lose decimals.
-- The unique (rep_id, rep_seq) index is also a guard: a stale rep counter fails the commit instead of
-- storing a second activity under the same RepSeq.
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
