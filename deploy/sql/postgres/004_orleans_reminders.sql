-- SalesCoach.Live: Orleans reminders (Microsoft.Orleans.Reminders.AdoNet), PostgreSQL.
-- The server applies each script of this folder once, in number order, and records it in schema_versions (one
-- transaction, under an advisory lock; see docs/production.md). Scripts stay idempotent all the same, so that
-- applying them by hand before a node starts does no harm.
-- A database made before schema_versions existed already holds this script's objects when it has this table:
-- adopt-if-table: orleans_reminders
--
-- One row per (service, grain, reminder name). grain_hash is the grain's place on Orleans' hash ring, as the
-- provider sends it: the unsigned 32-bit hash cast to a signed integer. Each silo reads the reminders of its ring
-- range (BeginHash, EndHash]; the provider compares in the same signed order, so a range that wraps past the top
-- of the ring is the OR of two ends. version is the reminder's ETag.

-- The catalogue of named queries: the providers load their SQL at start with the fixed statement
-- SELECT QueryKey, QueryText FROM OrleansQuery. Unquoted identifiers fold to lower case in PostgreSQL, so that
-- statement reads this table (Npgsql matches the column names case-insensitively). Every 00N_orleans_* script
-- creates it if missing, so each can be applied alone, and fills it with INSERT ... ON CONFLICT DO UPDATE, so a
-- newer release replaces the text of a query it changed.
CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  text NOT NULL PRIMARY KEY,
    querytext text NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans_reminders (
    service_id    text        COLLATE "C" NOT NULL,
    grain_id      text        COLLATE "C" NOT NULL,
    reminder_name text        COLLATE "C" NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminders_ring_idx ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- (ServiceId, GrainId) -> GrainId, ReminderName, StartTime, Period (milliseconds), Version of one grain's reminders.
('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),

-- (ServiceId, GrainId, ReminderName) -> the same columns for one reminder, or no row.
('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),

-- (ServiceId, BeginHash, EndHash) -> the reminders of a range that does not wrap: BeginHash < hash <= EndHash.
('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),

-- (ServiceId, BeginHash, EndHash) -> the reminders of a range that wraps (or the whole ring, when both ends are
-- equal): hash > BeginHash or hash <= EndHash.
('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

-- (ServiceId, GrainHash, GrainId, ReminderName, StartTime, Period) -> the new Version: creates the reminder at
-- version 0 or replaces its schedule and moves its version on.
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = EXCLUDED.start_time, period_ms = EXCLUDED.period_ms, grain_hash = EXCLUDED.grain_hash,
       version = orleans_reminders.version + 1
RETURNING version AS "Version"
$q$),

-- (ServiceId, GrainId, ReminderName, Version) -> one boolean: removed, because the version was the one given.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleans_reminders
     WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed)
$q$),

-- (ServiceId): removes all reminders of the service (used by Orleans' tests, never by the product).
('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
