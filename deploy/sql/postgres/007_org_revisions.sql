-- SalesCoach.Live org revisions, PostgreSQL.
-- The server applies each script of this folder once, in number order, and records it in schema_versions (one
-- transaction, under an advisory lock; see docs/production.md). Scripts stay idempotent all the same, so that
-- applying them by hand before a node starts does no harm.
-- A database made before schema_versions existed already holds this script's objects when it has this table:
-- adopt-if-table: org_revisions

-- Every saved org document (the org file JSON of contract section 2), one row per revision, never updated. revision
-- is 1, 2, 3... without gaps: a save inserts "newest + 1" and the primary key turns a racing second save into a
-- conflict, which is how two servers (or two admins) saving at once are told apart. file_hash is the SHA-256 of the
-- Org:File (or demo org) content the revision is based on, so a start-up can tell whether the file changed since.
CREATE TABLE IF NOT EXISTS org_revisions (
    revision   bigint      PRIMARY KEY,
    document   text        NOT NULL,
    saved_at   timestamptz NOT NULL,
    saved_by   text        NOT NULL,
    source     text        NOT NULL,
    file_hash  text        NULL
);

CREATE INDEX IF NOT EXISTS org_revisions_saved_at_idx ON org_revisions (saved_at);
