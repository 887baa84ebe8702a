-- Internal views: the user's DuckDB catalog gathered in the shapes the
-- PostgreSQL relations are built from. Only the user's database counts;
-- DuckDB's system and temp catalogs and the emulation itself never appear.
--
-- DuckDB binds a view's whole definition every time a query names it, and
-- catalog queries name several relations several times, so the views are
-- split: light ones with what pg_class, pg_index and pg_constraint need,
-- and the definitions shown by pg_get_constraintdef, pg_get_indexdef and
-- pg_indexes in separate views only those read.

-- Schemas: pg_catalog and information_schema, the user's main schema as
-- public, and the user's other schemas under their own names. pg_catalog
-- and public carry PostgreSQL's comments on them (public's unless the
-- user commented the schema).
CREATE OR REPLACE VIEW {{pgc}}._martdb_nsp AS
SELECT {{pgcatalogoid}}::UINTEGER AS oid, 'pg_catalog' AS nspname, NULL::VARCHAR AS duck_schema,
       'system catalog schema' AS comment
UNION ALL
SELECT {{infooid}}::UINTEGER, 'information_schema', NULL, NULL
UNION ALL
SELECT CASE WHEN s.schema_name = 'main' THEN {{publicoid}}::UINTEGER ELSE {{pgc}}._martdb_user_oid(s.oid) END,
       CASE WHEN s.schema_name = 'main' THEN 'public' ELSE s.schema_name END,
       s.schema_name,
       CASE WHEN s.schema_name = 'main' AND coalesce(s.comment, '') = '' THEN 'standard public schema' ELSE s.comment END
FROM duckdb_schemas() s
WHERE s.database_name = {{pgc}}._martdb_db()
  AND s.schema_name NOT IN ('pg_catalog', 'information_schema');

-- Column names of every table and view of the user's database, in order.
CREATE OR REPLACE VIEW {{pgc}}._martdb_colnames AS
SELECT table_oid, list(column_name ORDER BY column_index) AS cols
FROM duckdb_columns()
WHERE database_name = {{pgc}}._martdb_db()
GROUP BY table_oid;

-- Constraints other than NOT NULL (a column property in PostgreSQL 15),
-- numbered by their position in their table. PRIMARY KEY and UNIQUE
-- constraints own an index (own_index); a FOREIGN KEY's referenced
-- columns are attribute numbers of the referenced table, which DuckDB
-- keeps in the same schema.
--
-- Constraints carry the names PostgreSQL 15 would have given them, not
-- DuckDB's (which are the names of a constraint the user named too: DuckDB
-- keeps no other): table_pkey, table_cols_key, table_cols_fkey with the
-- columns joined by _, table_col_check for a CHECK on one column and
-- table_check otherwise, shortened to 63 bytes as PostgreSQL does
-- (_martdb_object_name). A name another constraint of the same schema
-- took first (by table, then position) gets the next number after its
-- label (table_check1), as in PostgreSQL; clashes with other relations'
-- names are not looked for. A PRIMARY KEY or UNIQUE constraint on the
-- same columns as an earlier one (or as the PRIMARY KEY) is left out, as
-- PostgreSQL never creates it.
CREATE OR REPLACE VIEW {{pgc}}._martdb_cons0 AS
WITH slotted AS (
    SELECT c.*, row_number() OVER (PARTITION BY c.table_oid ORDER BY c.constraint_index) - 1 AS slot
    FROM duckdb_constraints() c
    WHERE c.database_name = {{pgc}}._martdb_db()
), labelled AS (
    SELECT s.*,
           CASE s.constraint_type WHEN 'PRIMARY KEY' THEN 'pkey' WHEN 'UNIQUE' THEN 'key'
                                  WHEN 'FOREIGN KEY' THEN 'fkey' ELSE 'check' END AS label,
           CASE WHEN s.constraint_type IN ('UNIQUE', 'FOREIGN KEY') THEN {{pgc}}._martdb_join(s.constraint_column_names, '_')
                WHEN s.constraint_type = 'CHECK' AND len(s.constraint_column_names) = 1 THEN s.constraint_column_names[1]
           END AS name2
    FROM slotted s
    WHERE s.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY', 'CHECK') AND s.slot < 256
    QUALIFY s.constraint_type NOT IN ('PRIMARY KEY', 'UNIQUE')
         OR row_number() OVER (PARTITION BY s.table_oid, s.constraint_type IN ('PRIMARY KEY', 'UNIQUE'),
                                            s.constraint_column_indexes
                               ORDER BY s.constraint_type <> 'PRIMARY KEY', s.constraint_index) = 1
), based AS (
    SELECT l.*, {{pgc}}._martdb_object_name(l.table_name, l.name2, l.label) AS base_name
    FROM labelled l
), c AS (
    SELECT b.*,
           row_number() OVER (PARTITION BY b.schema_name, b.base_name ORDER BY b.table_oid, b.constraint_index) - 1 AS pass
    FROM based b
)
SELECT {{pgc}}._martdb_synthetic_oid(c.table_oid, c.slot) AS oid,
       CASE WHEN c.pass = 0 THEN c.base_name
            ELSE {{pgc}}._martdb_object_name(c.table_name, c.name2, c.label || c.pass) END AS conname,
       n.oid AS connamespace,
       n.nspname,
       CASE c.constraint_type WHEN 'PRIMARY KEY' THEN 'p' WHEN 'UNIQUE' THEN 'u' WHEN 'FOREIGN KEY' THEN 'f' ELSE 'c' END AS contype,
       {{pgc}}._martdb_user_oid(c.table_oid) AS conrelid,
       c.table_oid AS duck_table_oid,
       c.table_name,
       (CASE WHEN c.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
             THEN {{pgc}}._martdb_synthetic_oid(c.table_oid, 256 + c.slot) ELSE 0 END)::UINTEGER AS own_index,
       list_transform(c.constraint_column_indexes, i -> (i + 1)::SMALLINT) AS conkey,
       c.constraint_column_names AS colnames,
       r.table_oid AS ref_duck_oid,
       c.referenced_table,
       c.referenced_column_names AS refcolnames,
       CASE WHEN r.table_oid IS NOT NULL
            THEN list_transform(c.referenced_column_names, x -> list_position(rc.cols, x)::SMALLINT) END AS confkey,
       c.expression
FROM c
JOIN {{pgc}}._martdb_nsp n ON n.duck_schema = c.schema_name
LEFT JOIN duckdb_tables() r
       ON c.constraint_type = 'FOREIGN KEY' AND r.database_name = c.database_name
      AND r.schema_name = c.schema_name AND r.table_name = c.referenced_table
LEFT JOIN {{pgc}}._martdb_colnames rc ON rc.table_oid = r.table_oid;

-- Constraints with the index each relies on: its own for PRIMARY KEY and
-- UNIQUE, and for a FOREIGN KEY the referenced table's PRIMARY KEY or
-- UNIQUE index on the referenced columns.
CREATE OR REPLACE VIEW {{pgc}}._martdb_cons1 AS
WITH keys AS (
    SELECT duck_table_oid, list_sort(conkey) AS sorted_key, min(own_index) AS own_index
    FROM {{pgc}}._martdb_cons0
    WHERE contype IN ('p', 'u')
    GROUP BY ALL
)
SELECT c.*,
       (CASE WHEN c.contype = 'f' THEN coalesce(k.own_index, 0) ELSE c.own_index END)::UINTEGER AS conindid,
       (CASE WHEN c.ref_duck_oid IS NOT NULL THEN {{pgc}}._martdb_user_oid(c.ref_duck_oid) ELSE 0 END)::UINTEGER AS confrelid
FROM {{pgc}}._martdb_cons0 c
LEFT JOIN keys k ON c.contype = 'f' AND k.duck_table_oid = c.ref_duck_oid AND k.sorted_key = list_sort(c.confkey);

-- Constraints with the definition pg_get_constraintdef shows.
CREATE OR REPLACE VIEW {{pgc}}._martdb_cons AS
SELECT c.*,
       CASE c.contype
           WHEN 'p' THEN 'PRIMARY KEY (' || {{pgc}}._martdb_join(list_transform(c.colnames, x -> {{pgc}}.quote_ident(x)), ', ') || ')'
           WHEN 'u' THEN 'UNIQUE (' || {{pgc}}._martdb_join(list_transform(c.colnames, x -> {{pgc}}.quote_ident(x)), ', ') || ')'
           WHEN 'f' THEN 'FOREIGN KEY (' || {{pgc}}._martdb_join(list_transform(c.colnames, x -> {{pgc}}.quote_ident(x)), ', ')
                      || ') REFERENCES '
                      || CASE WHEN c.nspname = 'public' THEN '' ELSE {{pgc}}.quote_ident(c.nspname) || '.' END
                      || {{pgc}}.quote_ident(c.referenced_table) || '('
                      || {{pgc}}._martdb_join(list_transform(c.refcolnames, x -> {{pgc}}.quote_ident(x)), ', ') || ')'
           ELSE 'CHECK ' || CASE WHEN c.expression LIKE '(%)' THEN c.expression ELSE '(' || c.expression || ')' END
       END AS condef
FROM {{pgc}}._martdb_cons1 c;

-- Indexes: those created with CREATE INDEX, whose keys are columns or
-- expressions (attribute number 0), and the ones behind PRIMARY KEY and
-- UNIQUE constraints. keys holds each key's text: the column's name, or
-- the expression as DuckDB prints it, wrapped in parentheses. DuckDB's
-- indexes are ART indexes; they are shown as btree, the access method
-- clients expect of an ordinary index.
CREATE OR REPLACE VIEW {{pgc}}._martdb_idx AS
WITH explicit AS (
    SELECT {{pgc}}._martdb_user_oid(i.index_oid) AS oid, i.index_name AS relname, n.oid AS nspoid, n.nspname,
           {{pgc}}._martdb_user_oid(i.table_oid) AS indrelid, i.table_oid AS duck_table_oid, i.table_name,
           i.is_unique, i.is_primary, i.comment,
           coalesce(TRY_CAST(i.expressions AS VARCHAR[]), [i.expressions]) AS exprs,
           tc.cols
    FROM duckdb_indexes() i
    JOIN {{pgc}}._martdb_nsp n ON n.duck_schema = i.schema_name
    LEFT JOIN {{pgc}}._martdb_colnames tc ON tc.table_oid = i.table_oid
    WHERE i.database_name = {{pgc}}._martdb_db()
), keyed AS (
    SELECT e.* EXCLUDE (exprs, cols),
           list_transform(e.exprs, x -> coalesce(list_position(list_transform(e.cols, c -> lower(c)),
                                                               lower({{pgc}}._martdb_unquote(x))), 0)::SMALLINT) AS indkey,
           e.exprs, e.cols
    FROM explicit e
)
SELECT oid, relname, nspoid, nspname, indrelid, duck_table_oid, table_name, is_unique, is_primary, comment, indkey,
       list_transform(range(1, len(exprs) + 1), n -> CASE WHEN indkey[n] > 0 THEN cols[indkey[n]] ELSE exprs[n] END) AS keys
FROM keyed
UNION ALL
SELECT own_index, conname, connamespace, nspname, conrelid, duck_table_oid, table_name, true, contype = 'p', NULL,
       conkey, colnames
FROM {{pgc}}._martdb_cons0
WHERE contype IN ('p', 'u');

-- Indexes with their definitions: each key as pg_get_indexdef(index, n)
-- shows it (keytexts: a quoted column name, or an expression without its
-- outer parentheses), the expressions (indexprs) and the whole CREATE
-- INDEX statement.
CREATE OR REPLACE VIEW {{pgc}}._martdb_indexes AS
WITH k AS (
    SELECT i.*,
           list_transform(range(1, len(i.keys) + 1),
                          n -> CASE WHEN i.indkey[n] = 0 THEN regexp_replace(i.keys[n], '^\((.*)\)$', '\1', 's')
                                    ELSE {{pgc}}.quote_ident(i.keys[n]) END) AS keytexts
    FROM {{pgc}}._martdb_idx i
)
SELECT k.*,
       CASE WHEN list_contains(k.indkey, 0)
            THEN {{pgc}}._martdb_join(list_filter(list_transform(range(1, len(k.keys) + 1),
                                                            n -> CASE WHEN k.indkey[n] = 0 THEN k.keytexts[n] END),
                                             x -> x IS NOT NULL), ', ') END AS indexprs,
       'CREATE ' || CASE WHEN k.is_unique THEN 'UNIQUE ' ELSE '' END || 'INDEX ' || {{pgc}}.quote_ident(k.relname)
           || ' ON ' || {{pgc}}.quote_ident(k.nspname) || '.' || {{pgc}}.quote_ident(k.table_name)
           || ' USING btree (' || {{pgc}}._martdb_join(list_transform(range(1, len(k.keys) + 1),
                                                                 n -> CASE WHEN k.indkey[n] = 0 THEN k.keys[n] ELSE k.keytexts[n] END),
                                                  ', ') || ')' AS indexdef
FROM k;

-- Every relation: the user's tables, views, sequences and indexes, and
-- the emulation's own catalog relations.
CREATE OR REPLACE VIEW {{pgc}}._martdb_rels AS
SELECT {{pgc}}._martdb_user_oid(t.table_oid) AS oid, t.table_name AS relname, n.oid AS nspoid, n.nspname,
       'r' AS relkind, t.column_count AS natts, t.estimated_size AS est_rows, t.comment, NULL::VARCHAR AS definition,
       t.table_oid IN (SELECT i.table_oid FROM duckdb_indexes() i
                       UNION ALL
                       SELECT c.table_oid FROM duckdb_constraints() c WHERE c.constraint_type IN ('PRIMARY KEY', 'UNIQUE'))
           AS hasindex,
       t.check_constraint_count AS checks
FROM duckdb_tables() t JOIN {{pgc}}._martdb_nsp n ON n.duck_schema = t.schema_name
WHERE t.database_name = {{pgc}}._martdb_db() AND NOT t.temporary
UNION ALL
SELECT {{pgc}}._martdb_user_oid(v.view_oid), v.view_name, n.oid, n.nspname, 'v', v.column_count, 0, v.comment,
       ' ' || regexp_replace(regexp_replace(v.sql, '^\s*CREATE\s+(OR\s+REPLACE\s+)?VIEW\s.*?\sAS\s', '', 's'), ';\s*$', ''),
       false, 0
FROM duckdb_views() v JOIN {{pgc}}._martdb_nsp n ON n.duck_schema = v.schema_name
WHERE v.database_name = {{pgc}}._martdb_db() AND NOT v.internal AND NOT v.temporary
UNION ALL
SELECT {{pgc}}._martdb_user_oid(s.sequence_oid), s.sequence_name, n.oid, n.nspname, 'S', 0, 1, s.comment, NULL, false, 0
FROM duckdb_sequences() s JOIN {{pgc}}._martdb_nsp n ON n.duck_schema = s.schema_name
WHERE s.database_name = {{pgc}}._martdb_db() AND NOT s.temporary
UNION ALL
SELECT i.oid, i.relname, i.nspoid, i.nspname, 'i', len(i.indkey), 0, i.comment, NULL, false, 0
FROM {{pgc}}._martdb_idx i
UNION ALL
SELECT r.oid, r.relname, CASE r.duck_schema WHEN '{{pgcschema}}' THEN {{pgcatalogoid}} ELSE {{infooid}} END::UINTEGER,
       r.nspname, r.relkind, r.natts, 0, NULL, NULL, false, 0
FROM {{pgc}}._martdb_catalog_rels r;

-- Estimated sizes of the user's relations, in bytes (whole pages), for
-- pg_relation_size and the others: DuckDB keeps no size per table, so a
-- table's is its estimated row count times its row's width in DuckDB's
-- vectors (_martdb_type_width), an index's its table's row count times
-- its keys' widths and 8 bytes of row id (an expression key counts 8).
-- Views take no space and a sequence one page, as in PostgreSQL.
CREATE OR REPLACE VIEW {{pgc}}._martdb_relsizes AS
WITH cols AS (
    SELECT c.table_oid, c.column_index, {{pgc}}._martdb_type_width(c.data_type) AS width
    FROM duckdb_columns() c
    WHERE c.database_name = {{pgc}}._martdb_db()
), tables AS (
    SELECT t.table_oid, t.estimated_size AS est_rows, (SELECT sum(cols.width) FROM cols WHERE cols.table_oid = t.table_oid) AS width
    FROM duckdb_tables() t
    WHERE t.database_name = {{pgc}}._martdb_db() AND NOT t.temporary
), keys AS (
    SELECT i.oid, i.duck_table_oid, unnest(i.indkey) AS attnum
    FROM {{pgc}}._martdb_idx i
)
SELECT {{pgc}}._martdb_user_oid(t.table_oid) AS oid, {{pgc}}._martdb_user_oid(t.table_oid) AS table_oid,
       'r' AS relkind, {{pgc}}._martdb_pages(t.est_rows * coalesce(t.width, 0)) AS bytes
FROM tables t
UNION ALL
SELECT k.oid, {{pgc}}._martdb_user_oid(k.duck_table_oid), 'i',
       {{pgc}}._martdb_pages(min(t.est_rows) * (8 + sum(coalesce(c.width, 8))))
FROM keys k
JOIN tables t ON t.table_oid = k.duck_table_oid
LEFT JOIN cols c ON c.table_oid = k.duck_table_oid AND c.column_index = k.attnum
GROUP BY k.oid, k.duck_table_oid
UNION ALL
SELECT r.oid, r.oid, r.relkind, CASE r.relkind WHEN 'S' THEN 8192 ELSE 0 END::BIGINT
FROM {{pgc}}._martdb_rels r
WHERE r.relkind IN ('v', 'S') AND r.nspname NOT IN ('pg_catalog', 'information_schema');

-- The schema of every relation by OID, without what pg_class shows: what
-- pg_table_is_visible needs, cheaply. An index behind a constraint has a
-- synthetic OID (consts.go), which names its table.
CREATE OR REPLACE VIEW {{pgc}}._martdb_relnsp AS
SELECT {{pgc}}._martdb_user_oid(t.table_oid) AS oid, t.table_oid AS duck_oid, n.nspname, true AS is_table
FROM duckdb_tables() t JOIN {{pgc}}._martdb_nsp n ON n.duck_schema = t.schema_name
WHERE t.database_name = {{pgc}}._martdb_db() AND NOT t.temporary
UNION ALL
SELECT {{pgc}}._martdb_user_oid(v.view_oid), v.view_oid, n.nspname, false
FROM duckdb_views() v JOIN {{pgc}}._martdb_nsp n ON n.duck_schema = v.schema_name
WHERE v.database_name = {{pgc}}._martdb_db() AND NOT v.internal AND NOT v.temporary
UNION ALL
SELECT {{pgc}}._martdb_user_oid(s.sequence_oid), s.sequence_oid, n.nspname, false
FROM duckdb_sequences() s JOIN {{pgc}}._martdb_nsp n ON n.duck_schema = s.schema_name
WHERE s.database_name = {{pgc}}._martdb_db() AND NOT s.temporary
UNION ALL
SELECT {{pgc}}._martdb_user_oid(i.index_oid), i.index_oid, n.nspname, false
FROM duckdb_indexes() i JOIN {{pgc}}._martdb_nsp n ON n.duck_schema = i.schema_name
WHERE i.database_name = {{pgc}}._martdb_db()
UNION ALL
SELECT r.oid, NULL, r.nspname, false
FROM {{pgc}}._martdb_catalog_rels r;

-- Columns of every relation with their DuckDB types and the parts of the
-- PostgreSQL type mapping (see _martdb_typeoid_of): tables and views of
-- the user's database, the emulation's relations, and index keys (an
-- expression key is called expr, as in PostgreSQL, and typed text: DuckDB
-- does not say what type it has).
CREATE OR REPLACE VIEW {{pgc}}._martdb_cols AS
WITH cols AS (
    SELECT {{pgc}}._martdb_user_oid(c.table_oid) AS attrelid, c.column_name AS attname, c.column_index::SMALLINT AS attnum,
           c.data_type, NOT c.is_nullable AS attnotnull, c.column_default, c.comment
    FROM duckdb_columns() c
    WHERE c.database_name = {{pgc}}._martdb_db()
    UNION ALL
    SELECT r.oid, c.column_name, c.column_index::SMALLINT, c.data_type, false, NULL, NULL
    FROM duckdb_columns() c
    JOIN {{pgc}}._martdb_catalog_rels r ON r.duck_schema = c.schema_name AND r.relname = c.table_name
    WHERE c.database_name = '{{database}}'
    UNION ALL
    SELECT k.oid, coalesce(c.column_name, 'expr'), k.pos::SMALLINT, coalesce(c.data_type, 'VARCHAR'), false, NULL, NULL
    FROM (SELECT i.oid, i.duck_table_oid, unnest(i.indkey) AS attnum, unnest(range(1, len(i.indkey) + 1)) AS pos
          FROM {{pgc}}._martdb_idx i) k
    LEFT JOIN duckdb_columns() c
           ON c.database_name = {{pgc}}._martdb_db() AND c.table_oid = k.duck_table_oid AND c.column_index = k.attnum
), elem AS (
    SELECT cols.*, {{pgc}}._martdb_list_elem(data_type) AS e FROM cols
), parts AS (
    SELECT elem.*, {{pgc}}._martdb_list_elem(e) AS ee, {{pgc}}._martdb_scalar_oid(data_type) AS so,
           {{pgc}}._martdb_scalar_oid(e) AS eo
    FROM elem
), typed AS (
    SELECT parts.*, {{pgc}}._martdb_typeoid_of(data_type, e, ee, so, eo) AS atttypid FROM parts
)
SELECT typed.* EXCLUDE (e, ee, so, eo), {{pgc}}._martdb_typmod_of(data_type, e, atttypid) AS atttypmod
FROM typed;

-- martdb's functions, from the session's martdb_functions() listing, with
-- stable OIDs: their rank by name and signature.
CREATE OR REPLACE VIEW {{pgc}}._martdb_user_procs AS
SELECT ({{funcbase}} + row_number() OVER (ORDER BY f.name, f.signature))::UINTEGER AS oid,
       f.name AS proname, f.kind, f.signature, f.description,
       trim(regexp_extract(f.signature, '^[^(]*\((.*)\)\s*->', 1)) AS args,
       trim(regexp_extract(f.signature, '->\s*(.*)$', 1)) AS result
FROM martdb_functions() f;
