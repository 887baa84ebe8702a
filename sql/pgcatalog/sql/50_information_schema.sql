-- The information_schema views, built on the pg_catalog relations as
-- PostgreSQL builds them, and shaped to PostgreSQL 15's columns.

-- The SQL-standard data_type of a column: ARRAY for arrays, the type's
-- SQL name otherwise.
CREATE OR REPLACE MACRO {{info}}._martdb_data_type(type_oid) AS
    CASE WHEN {{pgc}}._martdb_type_elem(type_oid) IS NOT NULL THEN 'ARRAY'
         ELSE {{pgc}}.format_type(type_oid, NULL) END;

CREATE VIEW {{info}}.schemata AS
SELECT {{pgc}}._martdb_db() AS catalog_name, n.nspname AS schema_name, {{pgc}}._martdb_role() AS schema_owner
FROM {{pgc}}.pg_namespace n;

CREATE VIEW {{info}}.tables AS
SELECT {{pgc}}._martdb_db() AS table_catalog, n.nspname AS table_schema, c.relname AS table_name,
       CASE c.relkind WHEN 'v' THEN 'VIEW' ELSE 'BASE TABLE' END AS table_type,
       CASE WHEN c.relkind = 'r' THEN 'YES' ELSE 'NO' END AS is_insertable_into,
       'NO' AS is_typed
FROM {{pgc}}.pg_class c
JOIN {{pgc}}.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'v', 'p', 'f');

CREATE VIEW {{info}}.columns AS
SELECT {{pgc}}._martdb_db() AS table_catalog, n.nspname AS table_schema, c.relname AS table_name,
       a.attname AS column_name, a.attnum AS ordinal_position, d.adbin AS column_default,
       CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END AS is_nullable,
       {{info}}._martdb_data_type(a.atttypid) AS data_type,
       CASE WHEN a.atttypid IN (1042, 1043) AND a.atttypmod >= 4 THEN a.atttypmod - 4 END AS character_maximum_length,
       CASE WHEN a.atttypid IN (25, 1042, 1043) THEN 1073741824 END AS character_octet_length,
       CASE a.atttypid WHEN 21 THEN 16 WHEN 23 THEN 32 WHEN 20 THEN 64 WHEN 700 THEN 24 WHEN 701 THEN 53
            WHEN 1700 THEN CASE WHEN a.atttypmod >= 4 THEN (a.atttypmod - 4) >> 16 END END AS numeric_precision,
       CASE WHEN a.atttypid IN (21, 23, 20, 700, 701) THEN 2 WHEN a.atttypid = 1700 THEN 10 END AS numeric_precision_radix,
       CASE WHEN a.atttypid IN (21, 23, 20) THEN 0
            WHEN a.atttypid = 1700 AND a.atttypmod >= 4 THEN (a.atttypmod - 4) & 65535 END AS numeric_scale,
       CASE WHEN a.atttypid = 1082 THEN 0 WHEN a.atttypid IN (1083, 1114, 1184, 1266, 1186) THEN 6 END AS datetime_precision,
       {{pgc}}._martdb_db() AS udt_catalog, 'pg_catalog' AS udt_schema, t.typname AS udt_name,
       a.attnum::VARCHAR AS dtd_identifier, 'NO' AS is_self_referencing, 'NO' AS is_identity,
       'NO' AS identity_cycle, 'NEVER' AS is_generated,
       CASE WHEN c.relkind = 'r' THEN 'YES' ELSE 'NO' END AS is_updatable
FROM {{pgc}}.pg_attribute a
JOIN {{pgc}}.pg_class c ON c.oid = a.attrelid
JOIN {{pgc}}.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN {{pgc}}.pg_type t ON t.oid = a.atttypid
LEFT JOIN {{pgc}}.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'v', 'p', 'f');

CREATE VIEW {{info}}.views AS
SELECT {{pgc}}._martdb_db() AS table_catalog, v.schemaname AS table_schema, v.viewname AS table_name,
       v.definition AS view_definition, 'NONE' AS check_option, 'NO' AS is_updatable,
       'NO' AS is_insertable_into, 'NO' AS is_trigger_updatable, 'NO' AS is_trigger_deletable,
       'NO' AS is_trigger_insertable_into
FROM {{pgc}}.pg_views v;

CREATE VIEW {{info}}.table_constraints AS
SELECT {{pgc}}._martdb_db() AS constraint_catalog, c.nspname AS constraint_schema, c.conname AS constraint_name,
       {{pgc}}._martdb_db() AS table_catalog, c.nspname AS table_schema, c.table_name,
       CASE c.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'u' THEN 'UNIQUE' WHEN 'f' THEN 'FOREIGN KEY' ELSE 'CHECK' END
           AS constraint_type,
       'NO' AS is_deferrable, 'NO' AS initially_deferred, 'YES' AS enforced,
       CASE WHEN c.contype = 'u' THEN 'YES' END AS nulls_distinct
FROM {{pgc}}._martdb_cons1 c;

CREATE VIEW {{info}}.key_column_usage AS
WITH k AS (
    SELECT c.*, unnest(c.conkey) AS attnum, unnest(range(1, len(c.conkey) + 1)) AS position
    FROM {{pgc}}._martdb_cons1 c
    WHERE c.contype IN ('p', 'u', 'f')
)
SELECT {{pgc}}._martdb_db() AS constraint_catalog, k.nspname AS constraint_schema, k.conname AS constraint_name,
       {{pgc}}._martdb_db() AS table_catalog, k.nspname AS table_schema, k.table_name,
       a.attname AS column_name, k.position AS ordinal_position,
       CASE WHEN k.contype = 'f'
            THEN list_position((SELECT u.conkey FROM {{pgc}}._martdb_cons1 u WHERE u.own_index = k.conindid), k.confkey[k.position])
       END AS position_in_unique_constraint
FROM k
JOIN {{pgc}}.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.attnum;

CREATE VIEW {{info}}.referential_constraints AS
SELECT {{pgc}}._martdb_db() AS constraint_catalog, c.nspname AS constraint_schema, c.conname AS constraint_name,
       {{pgc}}._martdb_db() AS unique_constraint_catalog, u.nspname AS unique_constraint_schema,
       u.conname AS unique_constraint_name, 'NONE' AS match_option, 'NO ACTION' AS update_rule,
       'NO ACTION' AS delete_rule
FROM {{pgc}}._martdb_cons1 c
LEFT JOIN {{pgc}}._martdb_cons1 u ON u.own_index = c.conindid AND c.conindid <> 0
WHERE c.contype = 'f';

-- The columns each constraint uses: its own table's, or for a foreign
-- key the referenced ones.
CREATE VIEW {{info}}.constraint_column_usage AS
WITH k AS (
    SELECT c.*, CASE WHEN c.contype = 'f' THEN c.confrelid ELSE c.conrelid END AS relid,
           unnest(CASE WHEN c.contype = 'f' THEN c.confkey ELSE c.conkey END) AS attnum
    FROM {{pgc}}._martdb_cons1 c
)
SELECT {{pgc}}._martdb_db() AS table_catalog, n.nspname AS table_schema, r.relname AS table_name,
       a.attname AS column_name, {{pgc}}._martdb_db() AS constraint_catalog, k.nspname AS constraint_schema,
       k.conname AS constraint_name
FROM k
JOIN {{pgc}}.pg_class r ON r.oid = k.relid
JOIN {{pgc}}.pg_namespace n ON n.oid = r.relnamespace
JOIN {{pgc}}.pg_attribute a ON a.attrelid = k.relid AND a.attnum = k.attnum;

CREATE VIEW {{info}}.check_constraints AS
SELECT {{pgc}}._martdb_db() AS constraint_catalog, c.nspname AS constraint_schema, c.conname AS constraint_name,
       c.expression AS check_clause
FROM {{pgc}}._martdb_cons1 c
WHERE c.contype = 'c';

CREATE VIEW {{info}}.routines AS
SELECT {{pgc}}._martdb_db() AS specific_catalog, n.nspname AS specific_schema,
       p.proname || '_' || p.oid::VARCHAR AS specific_name,
       {{pgc}}._martdb_db() AS routine_catalog, n.nspname AS routine_schema, p.proname AS routine_name,
       'FUNCTION' AS routine_type,
       CASE WHEN p.prorettype = 2249 THEN 'record' ELSE {{info}}._martdb_data_type(p.prorettype) END AS data_type,
       {{pgc}}._martdb_db() AS type_udt_catalog, 'pg_catalog' AS type_udt_schema, t.typname AS type_udt_name,
       CASE WHEN p.prolang = 14 THEN 'SQL' ELSE 'EXTERNAL' END AS routine_body,
       CASE WHEN p.prolang = 14 THEN p.prosrc END AS routine_definition,
       CASE WHEN p.prolang = 14 THEN NULL ELSE p.prosrc END AS external_name,
       CASE WHEN p.prolang = 14 THEN 'SQL' ELSE 'INTERNAL' END AS external_language,
       'GENERAL' AS parameter_style,
       CASE WHEN p.provolatile = 'i' THEN 'YES' ELSE 'NO' END AS is_deterministic,
       'MODIFIES' AS sql_data_access,
       CASE WHEN p.proisstrict THEN 'YES' ELSE 'NO' END AS is_null_call,
       'YES' AS schema_level_routine, 0 AS max_dynamic_result_sets, 'NO' AS is_user_defined_cast,
       'NO' AS is_implicitly_invocable, 'INVOKER' AS security_type, 'NO' AS as_locator,
       'NO' AS is_udt_dependent
FROM {{pgc}}.pg_proc p
JOIN {{pgc}}.pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN {{pgc}}.pg_type t ON t.oid = p.prorettype;

-- Function parameters are not broken out of martdb's signatures.
CREATE VIEW {{info}}.parameters AS
SELECT NULL AS specific_catalog WHERE false;

CREATE VIEW {{info}}.character_sets AS
SELECT NULL AS character_set_catalog, NULL AS character_set_schema, 'UTF8' AS character_set_name,
       'UCS' AS character_repertoire, 'UTF8' AS form_of_use, {{pgc}}._martdb_db() AS default_collate_catalog,
       'pg_catalog' AS default_collate_schema, 'en_US.UTF-8' AS default_collate_name;

CREATE VIEW {{info}}.sequences AS
SELECT {{pgc}}._martdb_db() AS sequence_catalog, s.schemaname AS sequence_schema, s.sequencename AS sequence_name,
       'bigint' AS data_type, 64 AS numeric_precision, 2 AS numeric_precision_radix, 0 AS numeric_scale,
       s.start_value::VARCHAR AS start_value, s.min_value::VARCHAR AS minimum_value,
       s.max_value::VARCHAR AS maximum_value, s.increment_by::VARCHAR AS increment,
       CASE WHEN s.cycle THEN 'YES' ELSE 'NO' END AS cycle_option
FROM {{pgc}}.pg_sequences s;

CREATE VIEW {{info}}.triggers AS
SELECT NULL AS trigger_catalog WHERE false;
