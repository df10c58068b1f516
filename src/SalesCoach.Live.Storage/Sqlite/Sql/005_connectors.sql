-- SalesCoach.Live embedded store (SQLite), the main file (connectors: inbox, waiting records, state, log). The server
-- applies each script of this folder once, in number order, and records it in schema_versions.

-- A webhook notification as received (verified), until processed. dedupe_key is the vendor's id of the notification
-- where it gives one (the same key is stored once). lease_until/lease_owner: a processor's claim; an expired lease is
-- free again (a node that died mid-processing). next_attempt_us: not before (back-off). done_at_us: processed.
CREATE TABLE IF NOT EXISTS connector_inbox (
    id              INTEGER PRIMARY KEY,
    connector       TEXT    NOT NULL,
    dedupe_key      TEXT    NULL,
    payload         TEXT    NOT NULL,
    received_at_us  INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_us INTEGER NOT NULL,
    lease_owner     TEXT    NULL,
    lease_until_us  INTEGER NULL,
    done_at_us      INTEGER NULL,
    last_error      TEXT    NULL,
    UNIQUE (connector, dedupe_key)
);
CREATE INDEX IF NOT EXISTS ix_connector_inbox_open ON connector_inbox (connector, id) WHERE done_at_us IS NULL;

-- A qualifying vendor record whose user matches no rep, waiting to count once the user is mapped.
CREATE TABLE IF NOT EXISTS connector_waiting (
    connector      TEXT    NOT NULL,
    activity_id    TEXT    NOT NULL,
    vendor_user_id TEXT    NULL,
    email          TEXT    NULL,
    payload        TEXT    NOT NULL,
    stored_at_us   INTEGER NOT NULL,
    PRIMARY KEY (connector, activity_id)
);

-- One row per connector: the sync cursor and the last sync, the failing streak.
CREATE TABLE IF NOT EXISTS connector_state (
    connector        TEXT    PRIMARY KEY,
    sync_cursor      TEXT    NULL,
    last_sync_us     INTEGER NULL,
    last_error       TEXT    NULL,
    last_error_us    INTEGER NULL,
    failing_since_us INTEGER NULL
);

-- What each processing or sync run did (activities counted, or an error), for the last-24-hours figures.
CREATE TABLE IF NOT EXISTS connector_log (
    id        INTEGER PRIMARY KEY,
    connector TEXT    NOT NULL,
    at_us     INTEGER NOT NULL,
    counted   INTEGER NOT NULL,
    error     TEXT    NULL
);
CREATE INDEX IF NOT EXISTS ix_connector_log_at ON connector_log (connector, at_us);
