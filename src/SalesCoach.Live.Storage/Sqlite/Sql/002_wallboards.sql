-- SalesCoach.Live embedded store (SQLite), the main file (wallboards, their tokens and pairing codes). The server applies each script of this folder
-- once, in number order, and records it in schema_versions (one IMMEDIATE transaction).
-- A file made before schema_versions existed already holds this script's objects when it has this table:
-- adopt-if-table: wallboards

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
