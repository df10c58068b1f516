-- SalesCoach.Live embedded store (SQLite), the grain-state file (Orleans grain state, storage "store").
-- The server applies each script of this folder once, in number order, and records it in schema_versions (one IMMEDIATE transaction).
-- A file made before schema_versions existed already holds this script's objects when it has this table:
-- adopt-if-table: orleans_grain_state

CREATE TABLE IF NOT EXISTS orleans_grain_state (
    service_id  TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    grain_id    TEXT    NOT NULL,
    payload     TEXT    NULL,
    version     INTEGER NOT NULL,
    modified_us INTEGER NOT NULL,
    PRIMARY KEY (service_id, state_name, grain_id)
) WITHOUT ROWID;
