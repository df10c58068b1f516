-- SalesCoach.Live: Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet), PostgreSQL.
-- The server applies each script of this folder once, in number order, and records it in schema_versions (one
-- transaction, under an advisory lock; see docs/production.md). Scripts stay idempotent all the same, so that
-- applying them by hand before a node starts does no harm.
-- A database made before schema_versions existed already holds this script's objects when it has this table:
-- adopt-if-table: orleans_membership
--
-- Orleans' membership protocol keeps one version per cluster (the provider calls it DeploymentId; it is the
-- product's Cluster:ClusterId) and changes the set of silos only at the version the writer last read: a write
-- that lost a race returns false, and the silo reads the table again and retries. Heartbeats (IAmAliveTime) and
-- the clean-up of long-dead rows do not move the version.
--
-- Parameters arrive typed from the provider: text for ids, names and addresses, integer for ports, generation,
-- status and version, timestamptz (UTC) for times. Status is Orleans' SiloStatus: 3 = Active, 6 = Dead.

-- The catalogue of named queries: the providers load their SQL at start with the fixed statement
-- SELECT QueryKey, QueryText FROM OrleansQuery. Unquoted identifiers fold to lower case in PostgreSQL, so that
-- statement reads this table (Npgsql matches the column names case-insensitively). Every 00N_orleans_* script
-- creates it if missing, so each can be applied alone, and fills it with INSERT ... ON CONFLICT DO UPDATE, so a
-- newer release replaces the text of a query it changed.
CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  text NOT NULL PRIMARY KEY,
    querytext text NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans_membership_version (
    deployment_id text        COLLATE "C" PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership (
    deployment_id   text        COLLATE "C" NOT NULL
                    REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        COLLATE "C" NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    -- Votes against this silo, as the provider writes them: 'silo,time|silo,time'.
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Adds a silo's row, and moves the version on, only if the version is still the one the caller read and the row
-- is new. Locking the version row first queues concurrent writers; after the wait the version no longer matches.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_silo_name text, p_host_name text, p_status integer, p_proxy_port integer,
    p_start_time timestamptz, p_i_am_alive_time timestamptz, p_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1 FROM orleans_membership_version
     WHERE deployment_id = p_deployment_id AND version = p_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                    proxy_port, suspect_times, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
            p_proxy_port, NULL, p_start_time, p_i_am_alive_time)
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

-- Changes a silo's status and the votes against it, under the same rule as the insert.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_status integer, p_suspect_times text, p_i_am_alive_time timestamptz, p_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1 FROM orleans_membership_version
     WHERE deployment_id = p_deployment_id AND version = p_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership
       SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
     WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES

-- (DeploymentId) -> one boolean: whether this call created the cluster's version row (at version 0).
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created)
$q$),

-- (DeploymentId) -> the version, once per silo row with the row's columns; a cluster without silos still gives
-- one row (the version, with NULL silo columns), which the provider needs to learn the version.
('MembershipReadAllKey', $q$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$q$),

-- (DeploymentId, Address, Port, Generation) -> the version with one silo's row (NULL columns when it has none).
('MembershipReadRowKey', $q$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$q$),

-- (DeploymentId, Address, Port, Generation, IAmAliveTime): a silo's heartbeat; the version stays.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

-- (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime,
-- Version) -> one boolean: the row was added and the version moved on.
('InsertMembershipKey', $q$
SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                                 @ProxyPort, @StartTime, @IAmAliveTime, @Version)
$q$),

-- (DeploymentId, Address, Port, Generation, Status, SuspectTimes, IAmAliveTime, Version) -> one boolean.
('UpdateMembershipKey', $q$
SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                                 @IAmAliveTime, @Version)
$q$),

-- (DeploymentId, Status) -> Address, ProxyPort, Generation of the silos in that status (Active) that run a
-- gateway: what clients connect to.
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

-- (DeploymentId): forgets the cluster: its version row and, by the foreign key, all its silo rows.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),

-- (DeploymentId, Address, Port, Generation, StartTime, IAmAliveTime, SuspectTimes): removes one dead silo's row,
-- but only if it is still exactly as the caller read it, so a row that changed in between is left alone.
-- The provider prefers this query, when present, to the bulk one below.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
   AND COALESCE(suspect_times, '') = COALESCE(@SuspectTimes, '')
$q$),

-- (DeploymentId, IAmAliveTime): removes the rows of silos declared dead whose last heartbeat and start are older
-- than the given time (the provider's fallback when the query above is missing).
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = 6
   AND i_am_alive_time < @IAmAliveTime AND start_time < @IAmAliveTime
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
