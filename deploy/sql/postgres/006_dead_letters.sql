-- SalesCoach.Live webhook dead letters, PostgreSQL.
-- The server applies each script of this folder once, in number order, and records it in schema_versions (one
-- transaction, under an advisory lock; see docs/production.md). Scripts stay idempotent all the same, so that
-- applying them by hand before a node starts does no harm.
-- A database made before schema_versions existed already holds this script's objects when it has this table:
-- adopt-if-table: dead_letters

-- A webhook payload that could not be taken as it was (not JSON, no mapping for an event, an unknown rep alias, an
-- invalid activity), kept as received so an admin can replay it once the mapping is fixed. The same payload from the
-- same source is kept once (payload_hash is its SHA-256): a sender's retry counts another attempt and re-opens it.
-- errors is a JSON object keyed by event and field, as in the API's answers. replayed_at is set when a replay took
-- every event of the payload; NULL means open.
CREATE TABLE IF NOT EXISTS dead_letters (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source           text        COLLATE "C" NOT NULL,
    payload          text        NOT NULL,
    payload_hash     bytea       NOT NULL,
    reason           text        NOT NULL,
    errors           text        NOT NULL,
    received_at      timestamptz NOT NULL,
    last_received_at timestamptz NOT NULL,
    attempts         integer     NOT NULL,
    replayed_at      timestamptz NULL,
    CONSTRAINT dead_letters_source_hash_key UNIQUE (source, payload_hash)
);

CREATE INDEX IF NOT EXISTS dead_letters_open_idx ON dead_letters (source, id) WHERE replayed_at IS NULL;
