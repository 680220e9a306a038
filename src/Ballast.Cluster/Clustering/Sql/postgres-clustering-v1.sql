-- Ballast: schema for Orleans' ADO.NET clustering (membership table) on PostgreSQL, version 1.
-- Written for Microsoft.Orleans.Clustering.AdoNet 10.4.2, which ships no SQL scripts. The provider's contract
-- (Orleans docs, "ADO.NET clustering"; the provider's DbStoredQueries): at start it runs
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- and afterwards executes only those texts, binding parameters by name (@DeploymentId, @Address, @Port,
-- @Generation, @SiloName, @HostName, @Status, @ProxyPort, @SuspectTimes, @StartTime, @IAmAliveTime, @Version)
-- and reading result columns by name. Write queries answer one row whose first value is > 0 on success and 0
-- when nothing changed (a stale table version); a failed write must change nothing.
-- Everything lives in schema ballast_cluster; the silo's connection puts it on the search path so the
-- provider's unqualified OrleansQuery resolves here. Idempotent: safe to run at every silo start.

CREATE SCHEMA IF NOT EXISTS ballast_cluster;
SET LOCAL search_path TO ballast_cluster;

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64)   NOT NULL PRIMARY KEY,
    querytext varchar(8000) NOT NULL
);

-- One row per cluster (Orleans calls it deployment): the membership table's version, bumped by every change.
CREATE TABLE IF NOT EXISTS membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    changed_at    timestamptz  NOT NULL DEFAULT now(),
    version       integer      NOT NULL DEFAULT 0
);

-- One row per silo incarnation (address, port, generation).
CREATE TABLE IF NOT EXISTS membership
(
    deployment_id varchar(150)  NOT NULL REFERENCES membership_version (deployment_id),
    address       varchar(45)   NOT NULL,
    port          integer       NOT NULL,
    generation    integer       NOT NULL,
    silo_name     varchar(150)  NOT NULL,
    host_name     varchar(150)  NOT NULL,
    status        integer       NOT NULL,
    proxy_port    integer       NULL,
    suspect_times varchar(8000) NULL,
    start_time    timestamptz   NOT NULL,
    i_am_alive    timestamptz   NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Optimistic concurrency on the whole table: true when the caller's version was current (and is now one higher).
CREATE OR REPLACE FUNCTION membership_bump_version(p_deployment_id varchar, p_version integer) RETURNS boolean LANGUAGE sql AS
$body$
    WITH bumped AS (
        UPDATE membership_version SET version = version + 1, changed_at = now()
        WHERE deployment_id = p_deployment_id AND version = p_version
        RETURNING 1)
    SELECT count(*) > 0 FROM bumped
$body$;

-- Adds a silo row if the caller's table version is still current; bumps the version in the same transaction.
-- The inner block is a savepoint: when the row already exists the version bump is undone and 0 is answered.
CREATE OR REPLACE FUNCTION membership_insert(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer, p_silo_name varchar,
    p_host_name varchar, p_status integer, p_proxy_port integer, p_start_time timestamptz, p_i_am_alive timestamptz,
    p_version integer) RETURNS integer LANGUAGE plpgsql AS
$body$
BEGIN
    BEGIN
        IF NOT membership_bump_version(p_deployment_id, p_version) THEN
            RETURN 0;
        END IF;
        INSERT INTO membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                start_time, i_am_alive)
        VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
                p_start_time, p_i_am_alive)
        ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'membership row exists' USING ERRCODE = 'BC001';
        END IF;
        RETURN 1;
    EXCEPTION WHEN SQLSTATE 'BC001' THEN
        RETURN 0;
    END;
END
$body$;

-- Changes a silo row if the caller's table version is still current; same savepoint rule as the insert.
CREATE OR REPLACE FUNCTION membership_update(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer, p_status integer,
    p_suspect_times varchar, p_i_am_alive timestamptz, p_version integer) RETURNS integer LANGUAGE plpgsql AS
$body$
BEGIN
    BEGIN
        IF NOT membership_bump_version(p_deployment_id, p_version) THEN
            RETURN 0;
        END IF;
        UPDATE membership SET status = p_status, suspect_times = p_suspect_times, i_am_alive = p_i_am_alive
        WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port AND generation = p_generation;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no such membership row' USING ERRCODE = 'BC001';
        END IF;
        RETURN 1;
    EXCEPTION WHEN SQLSTATE 'BC001' THEN
        RETURN 0;
    END;
END
$body$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', '
    WITH created AS (
        INSERT INTO membership_version (deployment_id) VALUES (@DeploymentId)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM created'),
('InsertMembershipKey', '
    SELECT membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
                             @StartTime, @IAmAliveTime, @Version)'),
('UpdateMembershipKey', '
    SELECT membership_update(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime,
                             @Version)'),
-- Heartbeats are not versioned changes (the membership protocol treats IAmAlive as a hint).
('UpdateIAmAlivetimeKey', '
    UPDATE membership SET i_am_alive = @IAmAliveTime
    WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation'),
-- Reads return the version row even when no silo row matches (left join), as the provider expects.
('MembershipReadRowKey', '
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
           m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive AS IAmAliveTime,
           v.version AS Version
    FROM membership_version v
    LEFT JOIN membership m ON m.deployment_id = v.deployment_id
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    WHERE v.deployment_id = @DeploymentId'),
('MembershipReadAllKey', '
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
           m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive AS IAmAliveTime,
           v.version AS Version
    FROM membership_version v
    LEFT JOIN membership m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId'),
('GatewaysQueryKey', '
    SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
    FROM membership
    WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0'),
('DeleteMembershipTableEntriesKey', '
    DELETE FROM membership WHERE deployment_id = @DeploymentId;
    DELETE FROM membership_version WHERE deployment_id = @DeploymentId'),
-- Only rows of dead silos (SiloStatus.Dead = 6) that stopped heart-beating before the cut-off are removed.
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM membership
    WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive < @IAmAliveTime')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
INSERT INTO schema_version (version) VALUES (1) ON CONFLICT DO NOTHING;
