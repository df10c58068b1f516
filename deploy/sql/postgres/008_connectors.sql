-- SalesCoach.Live connectors (inbox, waiting records, state, log), PostgreSQL.
-- The server applies each script of this folder once, in number order, and records it in schema_versions (one
-- transaction, under an advisory lock; see docs/production.md). Scripts stay idempotent all the same.

-- A webhook notification as received (verified), until processed. dedupe_key is the vendor's id of the notification
-- where it gives one (stored once). lease_until/lease_owner: a processor's claim; an expired lease is free again.
-- next_attempt_at: not before (back-off). done_at: processed.
CREATE TABLE IF NOT EXISTS connector_inbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connector       text        COLLATE "C" NOT NULL,
    dedupe_key      text        COLLATE "C" NULL,
    payload         text        NOT NULL,
    received_at     timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_owner     text        NULL,
    lease_until     timestamptz NULL,
    done_at         timestamptz NULL,
    last_error      text        NULL,
    CONSTRAINT connector_inbox_dedupe_key UNIQUE (connector, dedupe_key)
);
CREATE INDEX IF NOT EXISTS connector_inbox_open_idx ON connector_inbox (connector, id) WHERE done_at IS NULL;

-- A qualifying vendor record whose user matches no rep, waiting to count once the user is mapped.
CREATE TABLE IF NOT EXISTS connector_waiting (
    connector      text        COLLATE "C" NOT NULL,
    activity_id    text        COLLATE "C" NOT NULL,
    vendor_user_id text        NULL,
    email          text        NULL,
    payload        text        NOT NULL,
    stored_at      timestamptz NOT NULL,
    PRIMARY KEY (connector, activity_id)
);

-- One row per connector: the sync cursor and the last sync, the failing streak.
CREATE TABLE IF NOT EXISTS connector_state (
    connector     text        COLLATE "C" PRIMARY KEY,
    sync_cursor   text        NULL,
    last_sync     timestamptz NULL,
    last_error    text        NULL,
    last_error_at timestamptz NULL,
    failing_since timestamptz NULL
);

-- What each processing or sync run did (activities counted, or an error), for the last-24-hours figures.
CREATE TABLE IF NOT EXISTS connector_log (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connector text        COLLATE "C" NOT NULL,
    at        timestamptz NOT NULL,
    counted   integer     NOT NULL,
    error     text        NULL
);
CREATE INDEX IF NOT EXISTS connector_log_at_idx ON connector_log (connector, at);
