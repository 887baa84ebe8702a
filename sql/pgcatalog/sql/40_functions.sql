-- Catalog functions that read the relations above. A macro's arguments
-- are expressions of the caller's query, and a bare column name in them
-- (psql passes oid unqualified) would bind to a column of the same name
-- inside the macro's subquery; so every subquery reads its relation
-- through a projection whose columns start with two underscores.

-- A relation is visible when its schema is on the search path (pg_catalog
-- always is). Names shadowed by an earlier schema still count as visible.
CREATE OR REPLACE MACRO {{pgc}}.pg_table_is_visible(rel_oid) AS
    (SELECT list_contains({{pgc}}.current_schemas(true), min(__nspname))
     FROM (SELECT oid AS __oid, duck_oid AS __duck_oid, is_table AS __is_table, nspname AS __nspname
           FROM {{pgc}}._martdb_relnsp)
     WHERE __oid = rel_oid
        OR (rel_oid >= {{synthetic}} AND __is_table AND __duck_oid % 1048576 = (rel_oid - {{synthetic}}) // 1024));

CREATE OR REPLACE MACRO {{pgc}}.pg_type_is_visible(type_oid) AS
    CASE WHEN {{pgc}}._martdb_type_display(type_oid) IS NOT NULL THEN true END;

CREATE OR REPLACE MACRO {{pgc}}.pg_function_is_visible(fn_oid) AS true;

-- to_regclass: a relation by name, searched along the path unless
-- qualified; NULL when there is none.
CREATE OR REPLACE MACRO {{pgc}}.to_regclass(relation_name) AS
    (SELECT arg_min(__oid, coalesce(list_position({{pgc}}.current_schemas(true), __nspname), 0))
     FROM (SELECT oid AS __oid, relname AS __relname, nspname AS __nspname FROM {{pgc}}._martdb_rels)
     WHERE __relname = {{pgc}}._martdb_name_parts(relation_name)[-1]
       AND CASE WHEN len({{pgc}}._martdb_name_parts(relation_name)) > 1
                THEN __nspname = {{pgc}}._martdb_name_parts(relation_name)[-2]
                ELSE list_contains({{pgc}}.current_schemas(true), __nspname) END);

-- x::regclass: an OID (number or numeric string) or a relation name.
CREATE OR REPLACE MACRO {{pgc}}._martdb_regclass(x) AS
    coalesce(TRY_CAST(x AS UINTEGER), {{pgc}}.to_regclass(x::VARCHAR));

-- x::regclass::text: the name, qualified when its schema is not on the
-- search path; the number when no relation has the OID.
CREATE OR REPLACE MACRO {{pgc}}._martdb_regclass_text(rel_oid) AS
    coalesce((SELECT CASE WHEN list_contains({{pgc}}.current_schemas(true), __nspname)
                          THEN {{pgc}}.quote_ident(__relname)
                          ELSE {{pgc}}.quote_ident(__nspname) || '.' || {{pgc}}.quote_ident(__relname) END
              FROM (SELECT oid AS __oid, relname AS __relname, nspname AS __nspname FROM {{pgc}}._martdb_rels)
              WHERE __oid = rel_oid),
             rel_oid::VARCHAR);

CREATE OR REPLACE MACRO {{pgc}}.to_regproc(proc_name) AS
    (SELECT min(__oid) FROM (SELECT oid AS __oid, proname AS __proname FROM {{pgc}}.pg_proc)
     WHERE __proname = {{pgc}}._martdb_name_parts(proc_name)[-1]);

-- regproc: '-' is 0, as PostgreSQL reads it. A regproc column of the
-- catalog holds the name already (see RegprocColumns), so the text of a
-- value that is no number is that value.
CREATE OR REPLACE MACRO {{pgc}}._martdb_regproc(x) AS
    CASE WHEN x::VARCHAR = '-' THEN 0::UINTEGER
         ELSE coalesce(TRY_CAST(x AS UINTEGER), {{pgc}}.to_regproc(x::VARCHAR)) END;

CREATE OR REPLACE MACRO {{pgc}}._martdb_regproc_text(x) AS
    CASE WHEN TRY_CAST(x AS UINTEGER) IS NULL THEN x::VARCHAR
         WHEN TRY_CAST(x AS UINTEGER) = 0 THEN '-'
         ELSE coalesce((SELECT min(__proname) FROM (SELECT oid AS __oid, proname AS __proname FROM {{pgc}}.pg_proc)
                        WHERE __oid = TRY_CAST(x AS UINTEGER)), x::VARCHAR) END;

CREATE OR REPLACE MACRO {{pgc}}.to_regnamespace(schema_name) AS
    (SELECT min(__oid) FROM (SELECT oid AS __oid, nspname AS __nspname FROM {{pgc}}._martdb_nsp)
     WHERE __nspname = {{pgc}}._martdb_name_parts(schema_name)[-1]);

CREATE OR REPLACE MACRO {{pgc}}._martdb_regnamespace(x) AS
    coalesce(TRY_CAST(x AS UINTEGER), {{pgc}}.to_regnamespace(x::VARCHAR));

CREATE OR REPLACE MACRO {{pgc}}._martdb_regnamespace_text(ns_oid) AS
    coalesce((SELECT {{pgc}}.quote_ident(min(__nspname))
              FROM (SELECT oid AS __oid, nspname AS __nspname FROM {{pgc}}._martdb_nsp) WHERE __oid = ns_oid),
             ns_oid::VARCHAR);

CREATE OR REPLACE MACRO {{pgc}}.to_regrole(role_name) AS
    CASE WHEN {{pgc}}._martdb_name_parts(role_name)[-1] = {{pgc}}._martdb_role() THEN {{roleoid}}::UINTEGER END;

CREATE OR REPLACE MACRO {{pgc}}._martdb_regrole(x) AS
    coalesce(TRY_CAST(x AS UINTEGER), {{pgc}}.to_regrole(x::VARCHAR));

CREATE OR REPLACE MACRO {{pgc}}._martdb_regrole_text(role_oid) AS
    CASE WHEN role_oid = {{roleoid}} THEN {{pgc}}.quote_ident({{pgc}}._martdb_role())
         WHEN role_oid = 0 THEN '-' ELSE role_oid::VARCHAR END;

-- pg_partition_ancestors(relation): a relation is its own only ancestor.
-- As a scalar (psql calls it in a select list) and as a table function.
CREATE OR REPLACE MACRO {{pgc}}.pg_partition_ancestors(relid) AS
    unnest([{{pgc}}._martdb_regclass(relid)]);
CREATE OR REPLACE MACRO {{pgc}}.pg_partition_ancestors(relid) AS TABLE
    SELECT {{pgc}}._martdb_regclass(relid) AS relid;

CREATE OR REPLACE MACRO {{pgc}}.pg_get_constraintdef(con_oid) AS
        (SELECT min(__condef) FROM (SELECT oid AS __oid, condef AS __condef FROM {{pgc}}._martdb_cons) WHERE __oid = con_oid),
    (con_oid, pretty) AS
        (SELECT min(__condef) FROM (SELECT oid AS __oid, condef AS __condef FROM {{pgc}}._martdb_cons) WHERE __oid = con_oid);

-- pg_get_indexdef(index_oid): the CREATE INDEX statement;
-- pg_get_indexdef(index_oid, column, pretty): the column-th key (1-based),
-- '' past the last, the whole statement for 0.
CREATE OR REPLACE MACRO {{pgc}}.pg_get_indexdef(index_oid) AS
        (SELECT min(__indexdef) FROM (SELECT oid AS __oid, indexdef AS __indexdef FROM {{pgc}}._martdb_indexes)
         WHERE __oid = index_oid),
    (index_oid, col, pretty) AS
        (SELECT min(CASE WHEN col = 0 THEN __indexdef ELSE coalesce(__keytexts[col], '') END)
         FROM (SELECT oid AS __oid, indexdef AS __indexdef, keytexts AS __keytexts FROM {{pgc}}._martdb_indexes)
         WHERE __oid = index_oid);

-- pg_get_viewdef(view): the view's query; view is an OID or a name.
CREATE OR REPLACE MACRO {{pgc}}.pg_get_viewdef(v) AS
        (SELECT min(__definition) FROM (SELECT oid AS __oid, definition AS __definition FROM {{pgc}}._martdb_rels WHERE relkind = 'v')
         WHERE __oid = {{pgc}}._martdb_regclass(v)),
    (v, pretty) AS
        (SELECT min(__definition) FROM (SELECT oid AS __oid, definition AS __definition FROM {{pgc}}._martdb_rels WHERE relkind = 'v')
         WHERE __oid = {{pgc}}._martdb_regclass(v));

-- Function signatures: martdb's as its catalog writes them, built-ins
-- from their argument and result types.
CREATE OR REPLACE MACRO {{pgc}}.pg_get_function_arguments(fn_oid) AS
    coalesce((SELECT min(__args) FROM (SELECT oid AS __oid, args AS __args FROM {{pgc}}._martdb_user_procs) WHERE __oid = fn_oid),
             (SELECT min({{pgc}}._martdb_join(list_transform(__argtypes, __a -> {{pgc}}.format_type(__a, NULL)), ', '))
              FROM (SELECT oid AS __oid, proargtypes AS __argtypes FROM {{pgc}}._martdb_procs) WHERE __oid = fn_oid));

CREATE OR REPLACE MACRO {{pgc}}.pg_get_function_identity_arguments(fn_oid) AS
    {{pgc}}.pg_get_function_arguments(fn_oid);

CREATE OR REPLACE MACRO {{pgc}}.pg_get_function_result(fn_oid) AS
    coalesce((SELECT min(__result) FROM (SELECT oid AS __oid, result AS __result FROM {{pgc}}._martdb_user_procs) WHERE __oid = fn_oid),
             (SELECT min(CASE WHEN __retset THEN 'SETOF ' ELSE '' END || {{pgc}}.format_type(__rettype, NULL))
              FROM (SELECT oid AS __oid, proretset AS __retset, prorettype AS __rettype FROM {{pgc}}._martdb_procs)
              WHERE __oid = fn_oid));

-- Comments. catalog_name names the catalog the OID belongs to
-- ('pg_class', 'pg_proc', 'pg_namespace', with or without pg_catalog.).
CREATE OR REPLACE MACRO {{pgc}}.obj_description(obj_oid) AS
        (SELECT min(__description)
         FROM (SELECT objoid AS __objoid, objsubid AS __objsubid, description AS __description FROM {{pgc}}.pg_description)
         WHERE __objoid = obj_oid AND __objsubid = 0),
    (obj_oid, catalog_name) AS
        (SELECT min(__description)
         FROM (SELECT d.objoid AS __objoid, d.objsubid AS __objsubid, d.description AS __description, r.relname AS __catalog
               FROM {{pgc}}.pg_description d
               JOIN {{pgc}}._martdb_catalog_rels r ON r.oid = d.classoid AND r.nspname = 'pg_catalog')
         WHERE __objoid = obj_oid AND __objsubid = 0 AND __catalog = {{pgc}}._martdb_name_parts(catalog_name)[-1]);

CREATE OR REPLACE MACRO {{pgc}}.col_description(rel_oid, column_number) AS
    (SELECT min(__description)
     FROM (SELECT objoid AS __objoid, objsubid AS __objsubid, description AS __description
           FROM {{pgc}}.pg_description WHERE classoid = 1259)
     WHERE __objoid = rel_oid AND __objsubid = column_number);

CREATE OR REPLACE MACRO {{pgc}}.shobj_description(obj_oid, catalog_name) AS
    (SELECT min(__description)
     FROM (SELECT objoid AS __objoid, description AS __description FROM {{pgc}}.pg_shdescription)
     WHERE __objoid = obj_oid AND {{pgc}}._martdb_name_parts(catalog_name)[-1] = 'pg_database');

-- current_setting(name [, missing_ok]): NULL for a setting the emulation
-- does not know.
CREATE OR REPLACE MACRO {{pgc}}.current_setting(setting_name) AS
        (SELECT min(__setting) FROM (SELECT lower(name) AS __name, setting AS __setting FROM {{pgc}}.pg_settings)
         WHERE __name = lower(setting_name)),
    (setting_name, missing_ok) AS
        (SELECT min(__setting) FROM (SELECT lower(name) AS __name, setting AS __setting FROM {{pgc}}.pg_settings)
         WHERE __name = lower(setting_name));

-- Sizes: the whole database's from DuckDB; a relation's is an estimate
-- (_martdb_relsizes: row count times row width, in whole pages), since
-- DuckDB keeps no size per table. A relation is an OID or a name, as
-- x::regclass reads it; NULL when there is none, and for the catalog's
-- own relations. A table has only its main fork, its table size is its
-- relation size (no TOAST), and its total size adds its indexes'.
CREATE OR REPLACE MACRO {{pgc}}.pg_database_size(db) AS
    (SELECT min(__size)
     FROM (SELECT s.used_blocks * s.block_size AS __size, s.database_name AS __name, d.oid AS __oid
           FROM pragma_database_size() s JOIN {{pgc}}.pg_database d ON d.datname = s.database_name)
     WHERE TRY_CAST(db AS UINTEGER) = __oid OR db::VARCHAR = __name);
CREATE OR REPLACE MACRO {{pgc}}.pg_relation_size(rel) AS
        (SELECT min(__bytes) FROM (SELECT oid AS __oid, bytes AS __bytes FROM {{pgc}}._martdb_relsizes)
         WHERE __oid = {{pgc}}._martdb_regclass(rel)),
    (rel, fork) AS
        (SELECT min(CASE WHEN fork = 'main' THEN __bytes
                         WHEN fork IN ('fsm', 'vm', 'init') THEN 0
                         ELSE error('invalid fork name') END)::BIGINT
         FROM (SELECT oid AS __oid, bytes AS __bytes FROM {{pgc}}._martdb_relsizes)
         WHERE __oid = {{pgc}}._martdb_regclass(rel));
CREATE OR REPLACE MACRO {{pgc}}.pg_table_size(rel) AS {{pgc}}.pg_relation_size(rel);
CREATE OR REPLACE MACRO {{pgc}}.pg_indexes_size(rel) AS
    (SELECT CASE WHEN bool_or(__oid = {{pgc}}._martdb_regclass(rel))
                 THEN coalesce(sum(__bytes) FILTER (WHERE __kind = 'i' AND __table = {{pgc}}._martdb_regclass(rel)
                                                    AND __oid <> __table), 0) END::BIGINT
     FROM (SELECT oid AS __oid, table_oid AS __table, relkind AS __kind, bytes AS __bytes FROM {{pgc}}._martdb_relsizes)
     WHERE __table = {{pgc}}._martdb_regclass(rel) OR __oid = {{pgc}}._martdb_regclass(rel));
CREATE OR REPLACE MACRO {{pgc}}.pg_total_relation_size(rel) AS
    (SELECT CASE WHEN bool_or(__oid = {{pgc}}._martdb_regclass(rel)) THEN sum(__bytes) END::BIGINT
     FROM (SELECT oid AS __oid, table_oid AS __table, bytes AS __bytes FROM {{pgc}}._martdb_relsizes)
     WHERE __table = {{pgc}}._martdb_regclass(rel) OR __oid = {{pgc}}._martdb_regclass(rel));

-- pg_size_pretty as PostgreSQL 15 prints a size: bytes below 10240, then
-- the largest of kB, MB, GB, TB and PB that keeps the number below 20480,
-- rounded half away from zero (DuckDB's own prints KiB with a decimal).
CREATE OR REPLACE MACRO {{pgc}}.pg_size_pretty(size) AS
    CASE WHEN abs(size::BIGINT) < 10240 THEN size::BIGINT::VARCHAR || ' bytes'
         WHEN abs(size::BIGINT) // 512 < 20479
              THEN (sign(size::BIGINT) * ((abs(size::BIGINT) // 512 + 1) // 2))::VARCHAR || ' kB'
         WHEN abs(size::BIGINT) // 524288 < 20479
              THEN (sign(size::BIGINT) * ((abs(size::BIGINT) // 524288 + 1) // 2))::VARCHAR || ' MB'
         WHEN abs(size::BIGINT) // 536870912 < 20479
              THEN (sign(size::BIGINT) * ((abs(size::BIGINT) // 536870912 + 1) // 2))::VARCHAR || ' GB'
         WHEN abs(size::BIGINT) // 549755813888 < 20479
              THEN (sign(size::BIGINT) * ((abs(size::BIGINT) // 549755813888 + 1) // 2))::VARCHAR || ' TB'
         ELSE (sign(size::BIGINT) * ((abs(size::BIGINT) // 562949953421312 + 1) // 2))::VARCHAR || ' PB' END;

-- Statistics counters: DuckDB counts no scans, so they read 0, as
-- PostgreSQL's do where nothing was counted (DBeaver's index list asks
-- pg_stat_get_numscans of every index).
CREATE OR REPLACE MACRO {{pgc}}.pg_stat_get_numscans(rel_oid) AS 0::BIGINT;

-- pg_get_keywords(): DuckDB's keywords with PostgreSQL's categories.
CREATE OR REPLACE MACRO {{pgc}}.pg_get_keywords() AS TABLE
    SELECT k.keyword_name AS word,
           CASE k.keyword_category WHEN 'reserved' THEN 'R' WHEN 'unreserved' THEN 'U'
                WHEN 'column_name' THEN 'C' ELSE 'T' END AS catcode,
           k.keyword_category = 'unreserved' AS barelabel,
           CASE k.keyword_category WHEN 'reserved' THEN 'reserved' WHEN 'unreserved' THEN 'unreserved'
                WHEN 'column_name' THEN 'unreserved (cannot be function or type name)'
                ELSE 'reserved (can be function or type name)' END AS catdesc,
           CASE WHEN k.keyword_category = 'unreserved' THEN 'can be bare label' ELSE 'requires AS' END AS baredesc
    FROM duckdb_keywords() k;
