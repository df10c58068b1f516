-- SalesCoach.Live embedded store (SQLite), the main file (webhook dead letters). The server applies each script of this folder
-- once, in number order, and records it in schema_versions (one IMMEDIATE transaction).
-- A file made before schema_versions existed already holds this script's objects when it has this table:
-- adopt-if-table: dead_letters

CREATE TABLE IF NOT EXISTS dead_letters (
    id                  INTEGER PRIMARY KEY,
    source              TEXT    NOT NULL,
    payload             TEXT    NOT NULL,
    payload_hash        BLOB    NOT NULL,
    reason              TEXT    NOT NULL,
    errors              TEXT    NOT NULL,
    received_at_us      INTEGER NOT NULL,
    last_received_at_us INTEGER NOT NULL,
    attempts            INTEGER NOT NULL,
    replayed_at_us      INTEGER NULL,
    UNIQUE (source, payload_hash)
);
CREATE INDEX IF NOT EXISTS ix_dead_letters_open ON dead_letters (source, id) WHERE replayed_at_us IS NULL;
