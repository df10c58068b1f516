-- SalesCoach.Live activity log, PostgreSQL.
-- The server applies each script of this folder once, in number order, and records it in schema_versions (one
-- transaction, under an advisory lock; see docs/production.md). Scripts stay idempotent all the same, so that
-- applying them by hand before a node starts does no harm.
-- A database made before schema_versions existed already holds this script's objects when it has this table:
-- adopt-if-table: activities

-- The log. seq orders the whole log; rep_seq numbers each rep's activities 1, 2, 3, ... without gaps.
-- occurred_at is the instant; occurred_offset_min keeps the offset the sender gave, which timestamptz drops.
-- Keys are compared bytewise (COLLATE "C"): ids are opaque, and a linguistic collation would only make every
-- index probe slower and the order of locked reps depend on the server's locale.
CREATE TABLE IF NOT EXISTS activities (
    seq                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                  text        COLLATE "C" NOT NULL,
    rep_id              text        COLLATE "C" NOT NULL,
    rep_seq             bigint      NOT NULL,
    type                text        NOT NULL,
    occurred_at         timestamptz NOT NULL,
    occurred_offset_min smallint    NOT NULL,
    quantity            integer     NOT NULL,
    value               numeric     NULL,
    source              text        NULL,
    received_at         timestamptz NOT NULL,
    -- The idempotency key: an id is stored once, ever.
    CONSTRAINT activities_id_key UNIQUE (id),
    -- Serves tail reads by rep, and refuses a second activity under the same rep_seq.
    CONSTRAINT activities_rep_seq_key UNIQUE (rep_id, rep_seq)
);

CREATE INDEX IF NOT EXISTS activities_rep_occurred_idx ON activities (rep_id, occurred_at);

-- The last rep_seq handed out per rep. Writers lock a rep's row (in rep order, so writers never deadlock) for the
-- length of their transaction, which serialises the numbering of one rep across all server processes.
CREATE TABLE IF NOT EXISTS activity_rep_counters (
    rep_id text   COLLATE "C" PRIMARY KEY,
    seq    bigint NOT NULL
);
