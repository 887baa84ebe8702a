-- The pg_catalog relations. Each "CREATE VIEW {{pgc}}.name AS query" is
-- shaped by Install to PostgreSQL 15's columns (sql/columns.txt): the
-- query names the columns it knows, the rest get their type's default (0,
-- false or NULL). OID columns are UINTEGER.

CREATE VIEW {{pgc}}.pg_namespace AS
SELECT n.oid, n.nspname, {{roleoid}} AS nspowner
FROM {{pgc}}._martdb_nsp n;

CREATE VIEW {{pgc}}.pg_class AS
SELECT r.oid, r.relname, r.nspoid AS relnamespace, {{roleoid}} AS relowner,
       CASE r.relkind WHEN 'r' THEN 2 WHEN 'i' THEN 403 ELSE 0 END AS relam,
       CASE WHEN r.relkind IN ('r', 'i', 'S') THEN r.oid ELSE 0 END AS relfilenode,
       r.est_rows AS reltuples, r.hasindex AS relhasindex, 'p' AS relpersistence, r.relkind,
       r.natts AS relnatts, r.checks AS relchecks, true AS relispopulated,
       CASE WHEN r.relkind = 'r' THEN 'd' ELSE 'n' END AS relreplident
FROM {{pgc}}._martdb_rels r;

CREATE VIEW {{pgc}}.pg_attribute AS
SELECT c.attrelid, c.attname, c.atttypid, -1 AS attstattarget, t.typlen AS attlen, c.attnum,
       CASE WHEN t.typcategory = 'A' THEN 1 ELSE 0 END AS attndims, -1 AS attcacheoff, c.atttypmod,
       t.typbyval AS attbyval, t.typalign AS attalign, t.typstorage AS attstorage, '' AS attcompression,
       c.attnotnull, c.column_default IS NOT NULL AS atthasdef, '' AS attidentity, '' AS attgenerated,
       true AS attislocal, t.typcollation AS attcollation
FROM {{pgc}}._martdb_cols c
LEFT JOIN {{pgc}}._martdb_types t ON t.oid = c.atttypid;

CREATE VIEW {{pgc}}.pg_attrdef AS
SELECT {{pgc}}._martdb_synthetic_oid(c.table_oid, 512 + c.column_index) AS oid,
       {{pgc}}._martdb_user_oid(c.table_oid) AS adrelid, c.column_index AS adnum,
       {{pgc}}._martdb_pg_default(c.column_default) AS adbin
FROM duckdb_columns() c
WHERE c.database_name = {{pgc}}._martdb_db() AND c.column_default IS NOT NULL AND c.column_index < 512;

-- Built-in functions (type I/O and the catalog functions), then martdb's
-- own, which live in public so that psql's \df lists them.
CREATE VIEW {{pgc}}.pg_proc AS
SELECT p.oid, p.proname, {{pgcatalogoid}} AS pronamespace, {{roleoid}} AS proowner, 12 AS prolang, 1 AS procost,
       CASE WHEN p.proretset THEN 1000 ELSE 0 END AS prorows, p.prokind, p.proisstrict, p.proretset,
       p.provolatile, 's' AS proparallel, len(p.proargtypes) AS pronargs, p.prorettype, p.proargtypes,
       p.proname AS prosrc
FROM {{pgc}}._martdb_procs p
UNION ALL
SELECT u.oid, u.proname, {{publicoid}}, {{roleoid}}, 14, 100,
       CASE WHEN u.kind = 'table' THEN 1000 ELSE 0 END,
       CASE WHEN u.kind = 'aggregate' THEN 'a' ELSE 'f' END, false, u.kind = 'table', 'v', 'u', 0,
       CASE WHEN u.kind = 'table' THEN 2249 ELSE {{pgc}}._martdb_typeoid(u.result) END,
       []::UINTEGER[], u.proname
FROM {{pgc}}._martdb_user_procs u;

CREATE VIEW {{pgc}}.pg_aggregate AS
SELECT u.proname AS aggfnoid, 'n' AS aggkind, 'n' AS aggfinalmodify, 'n' AS aggmfinalmodify
FROM {{pgc}}._martdb_user_procs u
WHERE u.kind = 'aggregate';

CREATE VIEW {{pgc}}.pg_type AS
SELECT t.oid, t.typname, {{pgcatalogoid}} AS typnamespace, {{roleoid}} AS typowner, t.typlen, t.typbyval,
       t.typtype, t.typcategory, t.typispreferred, true AS typisdefined, ',' AS typdelim,
       t.typsubscript, t.typelem, t.typarray, t.typinput, t.typoutput, t.typreceive, t.typsend,
       t.typmodin, t.typmodout, t.typanalyze, t.typalign, t.typstorage, -1 AS typtypmod, t.typcollation
FROM {{pgc}}._martdb_types t;

CREATE VIEW {{pgc}}.pg_description AS
SELECT r.oid AS objoid, 1259 AS classoid, 0 AS objsubid, r.comment AS description
FROM {{pgc}}._martdb_rels r WHERE coalesce(r.comment, '') <> ''
UNION ALL
SELECT {{pgc}}._martdb_user_oid(c.table_oid), 1259, c.column_index, c.comment
FROM duckdb_columns() c
WHERE c.database_name = {{pgc}}._martdb_db() AND coalesce(c.comment, '') <> ''
UNION ALL
SELECT n.oid, 2615, 0, n.comment
FROM {{pgc}}._martdb_nsp n WHERE coalesce(n.comment, '') <> ''
UNION ALL
SELECT u.oid, 1255, 0, u.description
FROM {{pgc}}._martdb_user_procs u WHERE coalesce(u.description, '') <> '';

CREATE VIEW {{pgc}}.pg_index AS
SELECT i.oid AS indexrelid, i.indrelid, len(i.indkey) AS indnatts, len(i.indkey) AS indnkeyatts,
       i.is_unique AS indisunique, i.is_primary AS indisprimary, true AS indimmediate, true AS indisvalid,
       true AS indisready, true AS indislive, i.indkey,
       list_transform(i.indkey, k -> 0) AS indcollation, list_transform(i.indkey, k -> 0) AS indclass,
       list_transform(i.indkey, k -> 0) AS indoption,
       CASE WHEN list_contains(i.indkey, 0)
            THEN {{pgc}}._martdb_join(list_filter(list_transform(range(1, len(i.keys) + 1),
                                                            n -> CASE WHEN i.indkey[n] = 0
                                                                      THEN regexp_replace(i.keys[n], '^\((.*)\)$', '\1', 's') END),
                                             x -> x IS NOT NULL), ', ') END AS indexprs
FROM {{pgc}}._martdb_idx i;

-- connoinherit: PostgreSQL marks the keys and foreign keys of plain
-- tables as never inherited; CHECK constraints are inherited.
CREATE VIEW {{pgc}}.pg_constraint AS
SELECT c.oid, c.conname, c.connamespace, c.contype, true AS convalidated, c.conrelid, c.conindid, c.confrelid,
       CASE WHEN c.contype = 'f' THEN 'a' ELSE ' ' END AS confupdtype,
       CASE WHEN c.contype = 'f' THEN 'a' ELSE ' ' END AS confdeltype,
       CASE WHEN c.contype = 'f' THEN 's' ELSE ' ' END AS confmatchtype,
       true AS conislocal, c.contype IN ('p', 'u', 'f') AS connoinherit, c.conkey, c.confkey,
       CASE WHEN c.contype = 'c' THEN c.expression END AS conbin
FROM {{pgc}}._martdb_cons1 c;

CREATE VIEW {{pgc}}.pg_database AS
SELECT {{pgc}}._martdb_user_oid(d.database_oid) AS oid, {{pgc}}._martdb_dbname() AS datname, {{roleoid}} AS datdba,
       6 AS encoding, 'c' AS datlocprovider, true AS datallowconn, -1 AS datconnlimit, 1663 AS dattablespace,
       'en_US.UTF-8' AS datcollate, 'en_US.UTF-8' AS datctype
FROM duckdb_databases() d
WHERE d.database_name = {{pgc}}._martdb_db();

CREATE VIEW {{pgc}}.pg_shdescription AS
SELECT {{pgc}}._martdb_user_oid(d.database_oid) AS objoid, 1262 AS classoid, d.comment AS description
FROM duckdb_databases() d
WHERE d.database_name = {{pgc}}._martdb_db() AND coalesce(d.comment, '') <> '';

-- One role: the one the session logged in as, a superuser (OID 10, as
-- PostgreSQL's bootstrap superuser).
CREATE VIEW {{pgc}}.pg_roles AS
SELECT {{pgc}}._martdb_role() AS rolname, true AS rolsuper, true AS rolinherit, true AS rolcreaterole,
       true AS rolcreatedb, true AS rolcanlogin, false AS rolreplication, -1 AS rolconnlimit,
       '********' AS rolpassword, true AS rolbypassrls, {{roleoid}} AS oid;

CREATE VIEW {{pgc}}.pg_user AS
SELECT {{pgc}}._martdb_role() AS usename, {{roleoid}} AS usesysid, true AS usecreatedb, true AS usesuper,
       false AS userepl, true AS usebypassrls, '********' AS passwd;

CREATE VIEW {{pgc}}.pg_auth_members AS
SELECT NULL AS roleid WHERE false;

CREATE VIEW {{pgc}}.pg_am AS
SELECT * FROM (VALUES (2, 'heap', 'heap_tableam_handler', 't'), (403, 'btree', 'bthandler', 'i'), (405, 'hash', 'hashhandler', 'i'))
    AS t(oid, amname, amhandler, amtype);

CREATE VIEW {{pgc}}.pg_collation AS
SELECT * FROM (VALUES
    (100, 'default', {{pgcatalogoid}}, {{roleoid}}, 'd', true, -1, NULL, NULL),
    (950, 'C', {{pgcatalogoid}}, {{roleoid}}, 'c', true, -1, 'C', 'C'),
    (951, 'POSIX', {{pgcatalogoid}}, {{roleoid}}, 'c', true, -1, 'POSIX', 'POSIX'))
    AS t(oid, collname, collnamespace, collowner, collprovider, collisdeterministic, collencoding, collcollate, collctype);

CREATE VIEW {{pgc}}.pg_tablespace AS
SELECT * FROM (VALUES (1663, 'pg_default', {{roleoid}}), (1664, 'pg_global', {{roleoid}}))
    AS t(oid, spcname, spcowner);

CREATE VIEW {{pgc}}.pg_language AS
SELECT * FROM (VALUES
    (12, 'internal', {{roleoid}}, false, false, 0, 0, 2246),
    (13, 'c', {{roleoid}}, false, false, 0, 0, 2247),
    (14, 'sql', {{roleoid}}, false, true, 0, 0, 2248))
    AS t(oid, lanname, lanowner, lanispl, lanpltrusted, lanplcallfoid, laninline, lanvalidator);

-- Settings: PostgreSQL's defaults (settings.go), what the session set
-- (SetSetting), and what follows the DuckDB session: the search path,
-- the time zone, read-only databases.
CREATE VIEW {{pgc}}.pg_settings AS
SELECT s.name,
       coalesce({{pgc}}._martdb_overrides()[lower(s.name)],
                CASE lower(s.name)
                    WHEN 'search_path' THEN {{pgc}}._martdb_join({{pgc}}.current_schemas(false), ', ')
                    WHEN 'timezone' THEN system.main.current_setting('TimeZone')
                    WHEN 'session_authorization' THEN {{pgc}}._martdb_role()
                    WHEN 'transaction_read_only' THEN CASE WHEN ro.readonly THEN 'on' ELSE 'off' END
                    WHEN 'default_transaction_read_only' THEN CASE WHEN ro.readonly THEN 'on' ELSE 'off' END
                    ELSE s.setting END) AS setting,
       s.unit, s.category, s.short_desc, s.context, s.vartype,
       CASE WHEN {{pgc}}._martdb_overrides()[lower(s.name)] IS NOT NULL THEN 'session' ELSE s.source END AS source,
       s.min_val, s.max_val, s.enumvals, s.boot_val, s.setting AS reset_val, NULL AS sourceline
FROM {{pgc}}._martdb_settings s
LEFT JOIN (SELECT readonly FROM duckdb_databases() WHERE database_name = {{pgc}}._martdb_db()) ro ON true;

-- The sessions, from _martdb_activity(): by default this session only
-- (DuckDB does not expose other connections); the wire server replaces
-- the macro with one over its own table of sessions (UseActivityTable).
CREATE OR REPLACE MACRO {{pgc}}._martdb_activity() AS TABLE
SELECT {{pgc}}.pg_backend_pid() AS pid, {{pgc}}._martdb_role() AS usename,
       coalesce({{pgc}}._martdb_overrides()['application_name'], '') AS application_name,
       NULL::VARCHAR AS client_addr, NULL::INTEGER AS client_port, {{pgc}}.pg_postmaster_start_time() AS backend_start,
       now() AS xact_start, now() AS query_start, now() AS state_change, 'active' AS state,
       system.main.current_query() AS query;

CREATE VIEW {{pgc}}.pg_stat_activity AS
SELECT d.oid AS datid, d.datname, a.pid, NULL AS leader_pid, {{roleoid}} AS usesysid,
       a.usename, a.application_name, a.client_addr, NULL AS client_hostname,
       a.client_port, a.backend_start, a.xact_start, a.query_start, a.state_change,
       NULL AS wait_event_type, NULL AS wait_event, a.state,
       NULL AS backend_xid, NULL AS backend_xmin, NULL AS query_id,
       a.query, 'client backend' AS backend_type
FROM {{pgc}}.pg_database d, {{pgc}}._martdb_activity() a;

CREATE VIEW {{pgc}}.pg_stat_user_tables AS
SELECT r.oid AS relid, r.nspname AS schemaname, r.relname, r.est_rows AS n_live_tup
FROM {{pgc}}._martdb_rels r
WHERE r.relkind = 'r' AND r.nspname NOT IN ('pg_catalog', 'information_schema');

CREATE VIEW {{pgc}}.pg_statio_user_tables AS
SELECT r.oid AS relid, r.nspname AS schemaname, r.relname, 0 AS heap_blks_read, 0 AS heap_blks_hit,
       CASE WHEN r.hasindex THEN 0 END AS idx_blks_read, CASE WHEN r.hasindex THEN 0 END AS idx_blks_hit,
       NULL AS toast_blks_read, NULL AS toast_blks_hit, NULL AS tidx_blks_read, NULL AS tidx_blks_hit
FROM {{pgc}}._martdb_rels r
WHERE r.relkind = 'r' AND r.nspname NOT IN ('pg_catalog', 'information_schema');

CREATE VIEW {{pgc}}.pg_tables AS
SELECT r.nspname AS schemaname, r.relname AS tablename, {{pgc}}._martdb_role() AS tableowner,
       r.hasindex AS hasindexes
FROM {{pgc}}._martdb_rels r
WHERE r.relkind = 'r';

CREATE VIEW {{pgc}}.pg_views AS
SELECT r.nspname AS schemaname, r.relname AS viewname, {{pgc}}._martdb_role() AS viewowner, r.definition
FROM {{pgc}}._martdb_rels r
WHERE r.relkind = 'v';

CREATE VIEW {{pgc}}.pg_matviews AS
SELECT NULL AS schemaname WHERE false;

CREATE VIEW {{pgc}}.pg_indexes AS
SELECT i.nspname AS schemaname, i.table_name AS tablename, i.relname AS indexname, i.indexdef
FROM {{pgc}}._martdb_indexes i;

CREATE VIEW {{pgc}}.pg_sequence AS
SELECT {{pgc}}._martdb_user_oid(s.sequence_oid) AS seqrelid, 20 AS seqtypid, s.start_value AS seqstart,
       s.increment_by AS seqincrement, s.max_value AS seqmax, s.min_value AS seqmin, 1 AS seqcache,
       s.cycle AS seqcycle
FROM duckdb_sequences() s
WHERE s.database_name = {{pgc}}._martdb_db() AND NOT s.temporary;

CREATE VIEW {{pgc}}.pg_sequences AS
SELECT n.nspname AS schemaname, s.sequence_name AS sequencename, {{pgc}}._martdb_role() AS sequenceowner,
       20 AS data_type, s.start_value, s.min_value, s.max_value, s.increment_by, s.cycle, 1 AS cache_size,
       s.last_value
FROM duckdb_sequences() s
JOIN {{pgc}}._martdb_nsp n ON n.duck_schema = s.schema_name
WHERE s.database_name = {{pgc}}._martdb_db() AND NOT s.temporary;

-- What DuckDB has none of. Enum columns are sent as text, so no enum type
-- is shown and pg_enum stays empty.
CREATE VIEW {{pgc}}.pg_enum AS SELECT NULL AS oid WHERE false;
CREATE VIEW {{pgc}}.pg_range AS SELECT NULL AS rngtypid WHERE false;
CREATE VIEW {{pgc}}.pg_inherits AS SELECT NULL AS inhrelid WHERE false;
CREATE VIEW {{pgc}}.pg_extension AS SELECT NULL AS oid WHERE false;
CREATE VIEW {{pgc}}.pg_available_extensions AS SELECT NULL AS name WHERE false;
CREATE VIEW {{pgc}}.pg_trigger AS SELECT NULL AS oid WHERE false;
CREATE VIEW {{pgc}}.pg_event_trigger AS SELECT NULL AS oid WHERE false;
CREATE VIEW {{pgc}}.pg_rewrite AS SELECT NULL AS oid WHERE false;
CREATE VIEW {{pgc}}.pg_depend AS SELECT NULL AS classid WHERE false;
CREATE VIEW {{pgc}}.pg_foreign_data_wrapper AS SELECT NULL AS oid WHERE false;
CREATE VIEW {{pgc}}.pg_foreign_server AS SELECT NULL AS oid WHERE false;
CREATE VIEW {{pgc}}.pg_foreign_table AS SELECT NULL AS ftrelid WHERE false;
CREATE VIEW {{pgc}}.pg_partitioned_table AS SELECT NULL AS partrelid WHERE false;
CREATE VIEW {{pgc}}.pg_publication AS SELECT NULL AS oid WHERE false;
CREATE VIEW {{pgc}}.pg_publication_namespace AS SELECT NULL AS oid WHERE false;
CREATE VIEW {{pgc}}.pg_publication_rel AS SELECT NULL AS oid WHERE false;
CREATE VIEW {{pgc}}.pg_policy AS SELECT NULL AS oid WHERE false;
CREATE VIEW {{pgc}}.pg_statistic_ext AS SELECT NULL AS oid WHERE false;
CREATE VIEW {{pgc}}.pg_opclass AS SELECT NULL AS oid WHERE false;
-- The built-in operators clients look up (operators.go), all in
-- pg_catalog; DuckDB has no user-defined operators.
CREATE VIEW {{pgc}}.pg_operator AS
SELECT o.oid, o.oprname, {{pgcatalogoid}} AS oprnamespace, {{roleoid}} AS oprowner, o.oprkind, o.oprcanmerge,
       o.oprcanhash, o.oprleft, o.oprright, o.oprresult, o.oprcom, o.oprnegate, o.oprcode, o.oprrest, o.oprjoin
FROM {{pgc}}._martdb_operators o;
CREATE VIEW {{pgc}}.pg_cast AS SELECT NULL AS oid WHERE false;
CREATE VIEW {{pgc}}.pg_locks AS SELECT NULL AS locktype WHERE false;
