-- SalesCoach.Live embedded store (SQLite), the grain-state file (Orleans reminders).
-- The server applies each script of this folder once, in number order, and records it in schema_versions (one IMMEDIATE transaction).
-- A file made before schema_versions existed already holds this script's objects when it has this table:
-- adopt-if-table: orleans_reminders

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
