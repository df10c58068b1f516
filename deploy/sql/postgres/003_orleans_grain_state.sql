-- SalesCoach.Live: Orleans grain state (Microsoft.Orleans.Persistence.AdoNet, storage "store"), PostgreSQL.
-- The server applies each script of this folder once, in number order, and records it in schema_versions (one
-- transaction, under an advisory lock; see docs/production.md). Scripts stay idempotent all the same, so that
-- applying them by hand before a node starts does no harm.
-- A database made before schema_versions existed already holds this script's objects when it has this table:
-- adopt-if-table: orleans_grain_state
--
-- One row per (service, state name, grain key). The provider splits a grain key into GrainIdN0/GrainIdN1 (the
-- integer or GUID key; 0 for string keys) and GrainIdExtensionString (the string key, or a key extension, or NULL);
-- GrainTypeString is the name the grain gives its state ([PersistentState("name", "store")]). The grain type itself
-- is not part of the key: give every grain type's state a name of its own.
--
-- The server configures the provider with a System.Text.Json serializer that writes plain JSON without .NET type
-- names, so the payload is kept as json: readable and queryable with SQL, and not tied to C# type names. The
-- provider hands it over as UTF-8 bytes (PayloadBinary) and reads it back the same way.
--
-- version is the ETag: each write or clear moves it on by one, and only at the version the writer read; a write
-- that finds another version changes nothing and returns no version, which the provider reports as an
-- InconsistentStateException.

-- The catalogue of named queries: the providers load their SQL at start with the fixed statement
-- SELECT QueryKey, QueryText FROM OrleansQuery. Unquoted identifiers fold to lower case in PostgreSQL, so that
-- statement reads this table (Npgsql matches the column names case-insensitively). Every 00N_orleans_* script
-- creates it if missing, so each can be applied alone, and fills it with INSERT ... ON CONFLICT DO UPDATE, so a
-- newer release replaces the text of a query it changed.
CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  text NOT NULL PRIMARY KEY,
    querytext text NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans_grain_state (
    service_id       text        COLLATE "C" NOT NULL,
    grain_type       text        COLLATE "C" NOT NULL,
    grain_id_n0      bigint      NOT NULL,
    grain_id_n1      bigint      NOT NULL,
    grain_id_ext     text        COLLATE "C" NULL,
    -- grain_id_ext made comparable with = (NULL -> '', 'x' -> '#x'), so that lookups use the unique index.
    grain_id_ext_key text        COLLATE "C" GENERATED ALWAYS AS (COALESCE('#' || grain_id_ext, '')) STORED,
    payload          json        NULL,
    version          integer     NOT NULL,
    modified_at      timestamptz NOT NULL,
    CONSTRAINT orleans_grain_state_key UNIQUE (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext_key)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString; the hashes are not used) ->
-- PayloadBinary (NULL after a clear) and Version, or no row for a grain that never wrote.
('ReadFromStorageKey', $q$
SELECT convert_to(payload::text, 'UTF8') AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_ext_key = COALESCE('#' || @GrainIdExtensionString, '')
$q$),

-- (the key as above, GrainStateVersion, PayloadBinary) -> NewGrainStateVersion. Without a version (the grain read
-- no row) it inserts at version 1 unless a row appeared meanwhile; with one it updates that version only.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state
       SET payload = convert_from(@PayloadBinary, 'UTF8')::json, version = version + 1, modified_at = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND service_id = @ServiceId AND grain_type = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
       AND grain_id_ext_key = COALESCE('#' || @GrainIdExtensionString, '')
       AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleans_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext, payload,
                                     version, modified_at)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           convert_from(@PayloadBinary, 'UTF8')::json, 1, now()
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext_key) DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
$q$),

-- (the key, GrainStateVersion) -> the new version: empties the payload and keeps the row, so the version (the
-- ETag) goes on growing and a stale writer is still refused.
('ClearStorageKey', $q$
UPDATE orleans_grain_state
   SET payload = NULL, version = version + 1, modified_at = now()
 WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND grain_id_ext_key = COALESCE('#' || @GrainIdExtensionString, '')
   AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion"
$q$),

-- (the key, GrainStateVersion) -> the deleted row's version + 1: used instead of ClearStorageKey when the
-- provider's DeleteStateOnClear option is on (it is off in SalesCoach.Live).
('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
 WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND grain_id_ext_key = COALESCE('#' || @GrainIdExtensionString, '')
   AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion"
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
