-- SalesCoach.Live embedded store (SQLite), the main file (org revisions). The server applies each script of this folder
-- once, in number order, and records it in schema_versions (one IMMEDIATE transaction).
-- A file made before schema_versions existed already holds this script's objects when it has this table:
-- adopt-if-table: org_revisions

CREATE TABLE IF NOT EXISTS org_revisions (
    revision    INTEGER PRIMARY KEY,
    document    TEXT    NOT NULL,
    saved_at_us INTEGER NOT NULL,
    saved_by    TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    file_hash   TEXT    NULL
);
CREATE INDEX IF NOT EXISTS ix_org_revisions_saved_at ON org_revisions (saved_at_us);
