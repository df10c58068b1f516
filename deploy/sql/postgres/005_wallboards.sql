-- SalesCoach.Live wallboards (TV boards, their tokens, and pairing codes), PostgreSQL.
-- The server applies each script of this folder once, in number order, and records it in schema_versions (one
-- transaction, under an advisory lock; see docs/production.md). Scripts stay idempotent all the same, so that
-- applying them by hand before a node starts does no harm.
-- A database made before schema_versions existed already holds this script's objects when it has this table:
-- adopt-if-table: wallboards

-- A board definition: what one or more office TVs show. teams and slides are JSON arrays of strings (slides a TV
-- does not know are skipped by it). revision grows by one at every change, so a TV can tell a new definition.
CREATE TABLE IF NOT EXISTS wallboards (
    id            text        COLLATE "C" PRIMARY KEY,
    title         text        NOT NULL,
    teams         text        NOT NULL,
    slides        text        NOT NULL,
    dwell_seconds integer     NOT NULL,
    theme         text        NOT NULL,
    revision      bigint      NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- Board tokens: read-only credentials of one board, issued by pairing. Only the SHA-256 of a token is stored.
-- Revoking a token deletes its row.
CREATE TABLE IF NOT EXISTS wallboard_tokens (
    id         text        COLLATE "C" PRIMARY KEY,
    board_id   text        COLLATE "C" NOT NULL,
    token_hash bytea       NOT NULL,
    name       text        NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT wallboard_tokens_hash_key UNIQUE (token_hash)
);

CREATE INDEX IF NOT EXISTS wallboard_tokens_board_idx ON wallboard_tokens (board_id);

-- Pairing codes shown by TVs that wait for a board. token_hash is the hash of the token the waiting TV's server
-- holds in memory (the token itself is never stored); claiming the code turns that hash into a board token.
CREATE TABLE IF NOT EXISTS wallboard_pairings (
    code       text        COLLATE "C" PRIMARY KEY,
    token_hash bytea       NOT NULL,
    expires_at timestamptz NOT NULL,
    board_id   text        COLLATE "C" NULL,
    token_id   text        COLLATE "C" NULL,
    claimed_at timestamptz NULL
);

CREATE INDEX IF NOT EXISTS wallboard_pairings_expires_idx ON wallboard_pairings (expires_at);

-- One counter every change of the tables above bumps: each server polls it to notice changes made by another one.
CREATE TABLE IF NOT EXISTS wallboard_changes (
    id    smallint PRIMARY KEY,
    stamp bigint   NOT NULL
);

INSERT INTO wallboard_changes (id, stamp) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
