-- Helpers that depend on no view: session facts, OIDs, names and the
-- DuckDB-to-PostgreSQL type mapping. Double-brace markers are filled in by
-- Install (script.go, install.go); {{pgc}} and {{info}} are the emulation's
-- two schemas.

-- The DuckDB name of the user's database: the one Setup recorded, else the
-- session's default database.
CREATE OR REPLACE MACRO {{pgc}}._martdb_db() AS
    coalesce(getvariable('{{dbvar}}')::VARCHAR, system.main.current_database());

-- The name clients know the database by (the wire server's database
-- name): the one SetDatabaseName recorded, else the DuckDB name.
CREATE OR REPLACE MACRO {{pgc}}._martdb_dbname() AS
    coalesce(getvariable('{{dbnamevar}}')::VARCHAR, {{pgc}}._martdb_db());

-- The role the session logged in as.
CREATE OR REPLACE MACRO {{pgc}}._martdb_role() AS
    coalesce(getvariable('{{uservar}}')::VARCHAR, '{{defaultuser}}');

-- The session's overridden settings, keyed by lower-case name.
CREATE OR REPLACE MACRO {{pgc}}._martdb_overrides() AS
    (getvariable('{{settingsvar}}')::MAP(VARCHAR, VARCHAR));

-- OIDs of the user's objects (see consts.go for the scheme).
CREATE OR REPLACE MACRO {{pgc}}._martdb_user_oid(duck_oid) AS
    ({{firstnormal}} + duck_oid)::UINTEGER;

CREATE OR REPLACE MACRO {{pgc}}._martdb_synthetic_oid(duck_table_oid, slot) AS
    ({{synthetic}} + (duck_table_oid % 1048576) * 1024 + slot)::UINTEGER;

-- Lookups in the tables Go writes into the scripts as strings of
-- "|key=value|" pairs (NULL for a missing key): one constant is cheaper for
-- DuckDB to bind than a MAP literal, and these are in every catalog query.
-- Keys and values never hold | or =. DuckDB's own macros (split_part,
-- nullif, array_to_string) are avoided in hot helpers: they expand too.
CREATE OR REPLACE MACRO {{pgc}}._martdb_lookup(pairs, k) AS
    string_split(string_split(pairs, '|' || k || '=')[2], '|')[1];

-- array_to_string(list, sep) without DuckDB's macro of that name (macros
-- within macros multiply what DuckDB binds).
CREATE OR REPLACE MACRO {{pgc}}._martdb_join(l, sep) AS
    coalesce(list_aggr(l, 'string_agg', sep), '');

-- The first n bytes of s, cut back to a whole character (PostgreSQL's
-- pg_mbcliplen).
CREATE OR REPLACE MACRO {{pgc}}._martdb_clip(s, n) AS
    CASE WHEN strlen(s) <= n THEN s
         WHEN strlen(s) = length(s) THEN left(s, n)
         ELSE left(s, list_max(list_filter(range(0, length(s) + 1), k -> strlen(left(s, k)) <= n))) END;

-- The name PostgreSQL gives an object it names itself (makeObjectName):
-- name1_name2_label, or name1_label when name2 is NULL, kept within 63
-- bytes by shortening the longer of name1 and name2 first (name2 when
-- they are equal) and never the label. _martdb_name_fit is the bytes
-- name1 and name2 may take together, _martdb_name1_len what name1 keeps.
CREATE OR REPLACE MACRO {{pgc}}._martdb_name_fit(name2, label) AS
    62 - strlen(label) - CASE WHEN name2 IS NULL THEN 0 ELSE 1 END;
CREATE OR REPLACE MACRO {{pgc}}._martdb_name1_len(name1, name2, fit) AS
    least(strlen(name1), greatest(fit - coalesce(strlen(name2), 0), (fit + 1) // 2));
CREATE OR REPLACE MACRO {{pgc}}._martdb_object_name(name1, name2, label) AS
    {{pgc}}._martdb_clip(name1, {{pgc}}._martdb_name1_len(name1, name2, {{pgc}}._martdb_name_fit(name2, label)))
    || CASE WHEN name2 IS NULL THEN ''
            ELSE '_' || {{pgc}}._martdb_clip(name2, {{pgc}}._martdb_name_fit(name2, label)
                                             - {{pgc}}._martdb_name1_len(name1, name2, {{pgc}}._martdb_name_fit(name2, label))) END
    || '_' || label;

-- The text of an int2vector or oidvector column ('1 2') as a list; a
-- list, or its text ('[1, 2]'), reads the same. See VectorColumns.
CREATE OR REPLACE MACRO {{pgc}}._martdb_int2vector(v) AS
    CAST(list_filter(string_split(regexp_replace(v::VARCHAR, '[\[\],]', ' ', 'g'), ' '), x -> x <> '') AS SMALLINT[]);
CREATE OR REPLACE MACRO {{pgc}}._martdb_oidvector(v) AS
    CAST(list_filter(string_split(regexp_replace(v::VARCHAR, '[\[\],]', ' ', 'g'), ' '), x -> x <> '') AS UINTEGER[]);

-- The bytes a value of DuckDB type t takes in DuckDB's fixed-size
-- vectors: its width for numbers, dates and times, 16 for strings, blobs
-- and nested types (the slot DuckDB keeps for them; the bytes of a string
-- longer than 12 lie outside it and are not counted), decimals by their
-- width. What the size estimates of pg_relation_size and the others sum.
CREATE OR REPLACE MACRO {{pgc}}._martdb_type_width(t) AS
    CASE WHEN t IN ('BOOLEAN', 'TINYINT', 'UTINYINT') THEN 1
         WHEN t IN ('SMALLINT', 'USMALLINT') THEN 2
         WHEN t IN ('INTEGER', 'UINTEGER', 'FLOAT', 'DATE') THEN 4
         WHEN t IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'TIME', 'TIME WITH TIME ZONE')
              OR t LIKE 'TIMESTAMP%' THEN 8
         WHEN t LIKE 'DECIMAL(%' THEN
              CASE WHEN TRY_CAST(regexp_extract(t, '^DECIMAL\((\d+)', 1) AS INTEGER) <= 4 THEN 2
                   WHEN TRY_CAST(regexp_extract(t, '^DECIMAL\((\d+)', 1) AS INTEGER) <= 9 THEN 4
                   WHEN TRY_CAST(regexp_extract(t, '^DECIMAL\((\d+)', 1) AS INTEGER) <= 18 THEN 8
                   ELSE 16 END
         ELSE 16 END;

-- A size in bytes rounded up to whole 8192-byte pages, as PostgreSQL's
-- relation sizes are.
CREATE OR REPLACE MACRO {{pgc}}._martdb_pages(bytes) AS
    (ceil(bytes / 8192.0) * 8192)::BIGINT;

-- pg_type by OID: its format_type name, its element (arrays only) and
-- array types; and type names (typname, SQL spelling, aliases) to OIDs.
CREATE OR REPLACE MACRO {{pgc}}._martdb_type_display(o) AS
    {{pgc}}._martdb_lookup('{{typedisplay}}', o::VARCHAR);
CREATE OR REPLACE MACRO {{pgc}}._martdb_type_elem(o) AS
    {{pgc}}._martdb_lookup('{{typeelem}}', o::VARCHAR)::UINTEGER;
CREATE OR REPLACE MACRO {{pgc}}._martdb_type_array(o) AS
    {{pgc}}._martdb_lookup('{{typearray}}', o::VARCHAR)::UINTEGER;
CREATE OR REPLACE MACRO {{pgc}}._martdb_type_named(n) AS
    {{pgc}}._martdb_lookup('{{typenames}}', n)::UINTEGER;

-- PostgreSQL's quote_ident: identifiers that are lower case, start with a
-- letter or underscore and are no reserved word stay bare. The keyword
-- list is DuckDB's (its parser descends from PostgreSQL's).
CREATE OR REPLACE MACRO {{pgc}}.quote_ident(s) AS
    CASE WHEN s IS NULL THEN NULL
         WHEN regexp_full_match(s, '[a-z_][a-z0-9_$]*') AND position('|' || s || '|' IN '{{keywords}}') = 0 THEN s
         ELSE '"' || replace(s, '"', '""') || '"' END;

-- The parts of a possibly qualified, possibly double-quoted name, folded
-- as PostgreSQL folds them: quoted parts keep their case, bare ones are
-- lowered. 'public."Odd"' gives ['public', 'Odd'].
CREATE OR REPLACE MACRO {{pgc}}._martdb_name_parts(s) AS
    list_transform(
        regexp_extract_all(trim(s), '"(?:[^"]|"")*"|[^."]+'),
        p -> CASE WHEN p[1] = '"' THEN replace(p[2:-2], '""', '"') ELSE lower(trim(p)) END);

-- parse_ident(qualified_identifier [, strict]): the same, as PostgreSQL's
-- function returns it.
CREATE OR REPLACE MACRO {{pgc}}.parse_ident(s) AS {{pgc}}._martdb_name_parts(s),
    (s, strict) AS {{pgc}}._martdb_name_parts(s);

-- An identifier as DuckDB prints it in index expressions: "x" unquoted.
CREATE OR REPLACE MACRO {{pgc}}._martdb_unquote(s) AS
    CASE WHEN regexp_full_match(s, '"(?:[^"]|"")*"') THEN replace(s[2:-2], '""', '"') ELSE s END;

-- One entry of DuckDB's search_path ("db.schema" or "schema") as the
-- PostgreSQL schema it stands for, or NULL when it is none of the user's.
CREATE OR REPLACE MACRO {{pgc}}._martdb_path_entry(e) AS
    CASE
        WHEN e = '' THEN NULL
        WHEN e = '{{database}}.{{pgcschema}}' THEN 'pg_catalog'
        WHEN e = '{{database}}.{{infoschema}}' THEN 'information_schema'
        WHEN position('.' IN e) = 0 THEN (CASE WHEN e = 'main' THEN 'public' ELSE e END)
        WHEN string_split(e, '.')[1] = {{pgc}}._martdb_db() THEN
            (CASE WHEN string_split(e, '.')[2] = 'main' THEN 'public' ELSE string_split(e, '.')[2] END)
        ELSE NULL END;

-- The session's search path as PostgreSQL schema names. An empty DuckDB
-- search path means the default database's main schema, that is public.
CREATE OR REPLACE MACRO {{pgc}}._martdb_path() AS
    CASE WHEN system.main.current_setting('search_path') = '' THEN ['public']
         ELSE list_filter(
             list_transform(string_split(replace(system.main.current_setting('search_path'), '"', ''), ','),
                            e -> {{pgc}}._martdb_path_entry(trim(e))),
             x -> x IS NOT NULL) END;

-- current_schemas(include_implicit): pg_catalog is searched first when the
-- path does not name it, as in PostgreSQL.
CREATE OR REPLACE MACRO {{pgc}}.current_schemas(include_implicit) AS
    CASE WHEN include_implicit AND NOT list_contains({{pgc}}._martdb_path(), 'pg_catalog')
         THEN ['pg_catalog'] || {{pgc}}._martdb_path()
         ELSE {{pgc}}._martdb_path() END;

CREATE OR REPLACE MACRO {{pgc}}.current_schema() AS
    {{pgc}}.current_schemas(false)[1];

CREATE OR REPLACE MACRO {{pgc}}.current_database() AS
    {{pgc}}._martdb_dbname();

CREATE OR REPLACE MACRO {{pgc}}.current_user() AS
    {{pgc}}._martdb_role();

CREATE OR REPLACE MACRO {{pgc}}.session_user() AS
    {{pgc}}._martdb_role();

CREATE OR REPLACE MACRO {{pgc}}.version() AS
    '{{version}}';

-- DuckDB type names to PostgreSQL type OIDs and modifiers, the same mapping
-- as sql/pgoid's ForDuckDB (a test holds them together). The scalar table
-- is ForDuckDB applied to every DuckDB type name, computed at Install.

-- The element type of a list ("T[]") or array ("T[n]"), or '' for others.
CREATE OR REPLACE MACRO {{pgc}}._martdb_list_elem(t) AS
    regexp_extract(trim(t), '^(.+)\[[0-9]*\]$', 1);

CREATE OR REPLACE MACRO {{pgc}}._martdb_scalar_oid(t) AS
    (CASE
        WHEN regexp_matches(upper(trim(t)), '^(DECIMAL|NUMERIC)\(') THEN 1700
        WHEN regexp_matches(upper(trim(t)), '^(STRUCT|MAP)\(') THEN 114
        ELSE coalesce({{pgc}}._martdb_lookup('{{duckscalars}}', upper(trim(t)))::UINTEGER, 25) END)::UINTEGER;

-- The comma-separated parameters of "NAME(a, b)".
CREATE OR REPLACE MACRO {{pgc}}._martdb_type_params(t) AS
    string_split(regexp_replace(regexp_extract(trim(t), '\((.*)$', 1), '\)$', ''), ',');

-- The numeric typmod of "DECIMAL(p,s)": ((p << 16) | s) + 4, -1 for others.
CREATE OR REPLACE MACRO {{pgc}}._martdb_decimal_typmod(t) AS
    (CASE WHEN NOT regexp_matches(upper(trim(t)), '^(DECIMAL|NUMERIC)\(') THEN -1
          ELSE coalesce(
              ((TRY_CAST(trim({{pgc}}._martdb_type_params(t)[1]) AS INTEGER) << 16)
               | (CASE WHEN len({{pgc}}._martdb_type_params(t)) > 1
                       THEN TRY_CAST(trim({{pgc}}._martdb_type_params(t)[2]) AS INTEGER) ELSE 0 END)) + 4,
              -1) END)::INTEGER;

-- The mapping from a type name's parts: e is its list element type ('' for
-- no list), ee the element's element, so and eo the scalar mappings of the
-- type and of its element. The views compute the parts once per column;
-- DuckDB expands macros in place, so passing them in keeps the
-- expressions it binds small.
CREATE OR REPLACE MACRO {{pgc}}._martdb_typeoid_of(t, e, ee, so, eo) AS
    (CASE
        WHEN t IS NULL THEN NULL
        WHEN e = '' THEN so
        WHEN ee <> '' THEN 114
        WHEN eo = 114 AND upper(trim(e)) <> 'JSON' THEN 114
        ELSE coalesce({{pgc}}._martdb_type_array(eo), 114)
     END)::UINTEGER;

CREATE OR REPLACE MACRO {{pgc}}._martdb_typmod_of(t, e, type_oid) AS
    (CASE
        WHEN t IS NULL THEN NULL
        WHEN e = '' THEN {{pgc}}._martdb_decimal_typmod(t)
        WHEN type_oid = 114 THEN -1
        ELSE {{pgc}}._martdb_decimal_typmod(e)
     END)::INTEGER;

-- The PostgreSQL type OID and typmod of a DuckDB type name.
CREATE OR REPLACE MACRO {{pgc}}._martdb_typeoid(t) AS
    {{pgc}}._martdb_typeoid_of(t, {{pgc}}._martdb_list_elem(t), {{pgc}}._martdb_list_elem({{pgc}}._martdb_list_elem(t)),
                               {{pgc}}._martdb_scalar_oid(t), {{pgc}}._martdb_scalar_oid({{pgc}}._martdb_list_elem(t)));

CREATE OR REPLACE MACRO {{pgc}}._martdb_typmod(t) AS
    {{pgc}}._martdb_typmod_of(t, {{pgc}}._martdb_list_elem(t), {{pgc}}._martdb_typeoid(t));

-- format_type(type_oid, typemod): the type's SQL name with its modifier,
-- "???" for an OID that is no type, as PostgreSQL does.
CREATE OR REPLACE MACRO {{pgc}}._martdb_format_scalar(o, m) AS
    CASE
        WHEN m IS NULL OR m < 0 OR {{pgc}}._martdb_type_display(o) IS NULL THEN {{pgc}}._martdb_type_display(o)
        WHEN o = 1700 AND m >= 4 THEN 'numeric(' || ((m - 4) >> 16)::VARCHAR || ',' || ((m - 4) & 65535)::VARCHAR || ')'
        WHEN o = 1043 AND m >= 4 THEN 'character varying(' || (m - 4)::VARCHAR || ')'
        WHEN o = 1042 AND m >= 4 THEN 'character(' || (m - 4)::VARCHAR || ')'
        WHEN o = 1114 THEN 'timestamp(' || m::VARCHAR || ') without time zone'
        WHEN o = 1184 THEN 'timestamp(' || m::VARCHAR || ') with time zone'
        WHEN o = 1083 THEN 'time(' || m::VARCHAR || ') without time zone'
        WHEN o = 1266 THEN 'time(' || m::VARCHAR || ') with time zone'
        ELSE {{pgc}}._martdb_type_display(o) END;

CREATE OR REPLACE MACRO {{pgc}}.format_type(type_oid, typemod) AS
    CASE
        WHEN type_oid IS NULL THEN NULL
        WHEN {{pgc}}._martdb_type_elem(type_oid) IS NOT NULL
            THEN {{pgc}}._martdb_format_scalar({{pgc}}._martdb_type_elem(type_oid), typemod) || '[]'
        ELSE coalesce({{pgc}}._martdb_format_scalar(type_oid, typemod), '???') END;

-- A column default as PostgreSQL's pg_get_expr prints it, from the text
-- DuckDB keeps: CAST('v' AS TYPE) is 'v'::type with the type's
-- PostgreSQL name, nextval('s') is nextval('s'::regclass), and the SQL
-- value functions are upper case. Other expressions stay as DuckDB
-- prints them.
CREATE OR REPLACE MACRO {{pgc}}._martdb_pg_default(e) AS
    CASE
        WHEN regexp_full_match(e, 'CAST\(''(?:[^'']|'''')*'' AS "?[A-Za-z_][A-Za-z0-9_ ]*"?\)')
            THEN regexp_extract(e, '^CAST\((''.*'') AS ', 1) || '::'
                 || {{pgc}}.format_type({{pgc}}._martdb_typeoid(regexp_extract(e, ' AS "?([A-Za-z0-9_ ]+)"?\)$', 1)), NULL)
        WHEN regexp_full_match(e, 'nextval\(''(?:[^'']|'''')*''\)')
            THEN regexp_replace(e, '\)$', '::regclass)')
        WHEN lower(e) IN ('current_timestamp', 'current_date', 'current_time', 'localtimestamp', 'localtime')
            THEN upper(e)
        ELSE e END;

-- pg_typeof: the PostgreSQL type a value of this DuckDB type is sent as.
CREATE OR REPLACE MACRO {{pgc}}.pg_typeof(v) AS
    {{pgc}}.format_type({{pgc}}._martdb_typeoid(typeof(v)), NULL);

-- Type names to OIDs for ::regtype and to_regtype: typname, the SQL
-- spelling and the usual aliases; modifiers are ignored and a trailing []
-- asks for the array type.
CREATE OR REPLACE MACRO {{pgc}}._martdb_type_key(s) AS
    trim(regexp_replace(regexp_replace(regexp_replace(lower(trim(s)), '^pg_catalog\.', ''),
                                       '\([^)]*\)', '', 'g'), '\s+', ' ', 'g'));

CREATE OR REPLACE MACRO {{pgc}}._martdb_type_by_name(s) AS
    (CASE WHEN {{pgc}}._martdb_type_key(s) LIKE '%[]'
          THEN {{pgc}}._martdb_type_array({{pgc}}._martdb_type_named(trim({{pgc}}._martdb_type_key(s)[:-3])))
          ELSE {{pgc}}._martdb_type_named({{pgc}}._martdb_type_key(s)) END)::UINTEGER;

CREATE OR REPLACE MACRO {{pgc}}.to_regtype(s) AS
    {{pgc}}._martdb_type_by_name(s);

CREATE OR REPLACE MACRO {{pgc}}._martdb_regtype(x) AS
    coalesce(TRY_CAST(x AS UINTEGER), {{pgc}}._martdb_type_by_name(x::VARCHAR));

CREATE OR REPLACE MACRO {{pgc}}._martdb_regtype_text(o) AS
    CASE WHEN o IS NULL THEN NULL WHEN o = 0 THEN '-' ELSE coalesce({{pgc}}._martdb_type_display(o), o::VARCHAR) END;

-- Privileges: the session's role is a superuser and may do anything.
CREATE OR REPLACE MACRO {{pgc}}.has_table_privilege(a, b) AS true, (a, b, c) AS true;
CREATE OR REPLACE MACRO {{pgc}}.has_schema_privilege(a, b) AS true, (a, b, c) AS true;
CREATE OR REPLACE MACRO {{pgc}}.has_database_privilege(a, b) AS true, (a, b, c) AS true;
CREATE OR REPLACE MACRO {{pgc}}.has_any_column_privilege(a, b) AS true, (a, b, c) AS true;
CREATE OR REPLACE MACRO {{pgc}}.has_column_privilege(a, b, c) AS true, (a, b, c, d) AS true;
CREATE OR REPLACE MACRO {{pgc}}.has_sequence_privilege(a, b) AS true, (a, b, c) AS true;
CREATE OR REPLACE MACRO {{pgc}}.has_function_privilege(a, b) AS true, (a, b, c) AS true;
CREATE OR REPLACE MACRO {{pgc}}.has_type_privilege(a, b) AS true, (a, b, c) AS true;
CREATE OR REPLACE MACRO {{pgc}}.pg_has_role(a, b) AS true, (a, b, c) AS true;

CREATE OR REPLACE MACRO {{pgc}}.pg_get_userbyid(role_oid) AS
    CASE WHEN role_oid IS NULL THEN NULL
         WHEN role_oid = {{roleoid}} THEN {{pgc}}._martdb_role()
         ELSE 'unknown (OID=' || role_oid::VARCHAR || ')' END;

-- Encodings: the server and every client speak UTF8 (encoding 6).
CREATE OR REPLACE MACRO {{pgc}}.pg_encoding_to_char(e) AS
    CASE e WHEN 6 THEN 'UTF8' WHEN 0 THEN 'SQL_ASCII' ELSE '' END;
CREATE OR REPLACE MACRO {{pgc}}.pg_char_to_encoding(s) AS
    CASE WHEN upper(replace(s, '-', '')) = 'UTF8' THEN 6 WHEN upper(s) = 'SQL_ASCII' THEN 0 ELSE -1 END;
CREATE OR REPLACE MACRO {{pgc}}.getdatabaseencoding() AS 'UTF8';
CREATE OR REPLACE MACRO {{pgc}}.pg_client_encoding() AS 'UTF8';

-- The server: one process, never a standby, reached through the wire
-- server whose addresses the catalog does not know.
CREATE OR REPLACE MACRO {{pgc}}.pg_backend_pid() AS current_connection_id()::INTEGER;
CREATE OR REPLACE MACRO {{pgc}}.pg_postmaster_start_time() AS TIMESTAMPTZ '{{starttime}}';
CREATE OR REPLACE MACRO {{pgc}}.pg_conf_load_time() AS TIMESTAMPTZ '{{starttime}}';
CREATE OR REPLACE MACRO {{pgc}}.pg_is_in_recovery() AS false;
CREATE OR REPLACE MACRO {{pgc}}.inet_server_addr() AS NULL::VARCHAR;
CREATE OR REPLACE MACRO {{pgc}}.inet_server_port() AS NULL::INTEGER;
CREATE OR REPLACE MACRO {{pgc}}.inet_client_addr() AS NULL::VARCHAR;
CREATE OR REPLACE MACRO {{pgc}}.inet_client_port() AS NULL::INTEGER;

-- Node trees are stored as their SQL text, so showing one is the identity.
CREATE OR REPLACE MACRO {{pgc}}.pg_get_expr(expr, relid) AS expr, (expr, relid, pretty) AS expr;

-- What DuckDB has none of: partitions, triggers, publications, extended
-- statistics, serial sequences, tablespaces of their own.
CREATE OR REPLACE MACRO {{pgc}}.pg_get_partkeydef(relid) AS NULL::VARCHAR;
CREATE OR REPLACE MACRO {{pgc}}.pg_get_triggerdef(trigger_oid) AS NULL::VARCHAR, (trigger_oid, pretty) AS NULL::VARCHAR;
CREATE OR REPLACE MACRO {{pgc}}.pg_get_statisticsobjdef_columns(stat_oid) AS NULL::VARCHAR;
CREATE OR REPLACE MACRO {{pgc}}.pg_get_serial_sequence(tbl, col) AS NULL::VARCHAR;
CREATE OR REPLACE MACRO {{pgc}}.pg_relation_is_publishable(relid) AS false;
CREATE OR REPLACE MACRO {{pgc}}.pg_tablespace_location(ts_oid) AS '';

-- Arrays: DuckDB lists are one-dimensional and start at 1.
CREATE OR REPLACE MACRO {{pgc}}.array_lower(a, dim) AS
    CASE WHEN dim = 1 AND len(a) > 0 THEN 1 END::INTEGER;
CREATE OR REPLACE MACRO {{pgc}}.array_upper(a, dim) AS
    CASE WHEN dim = 1 AND len(a) > 0 THEN len(a) END::INTEGER;

-- json_build_object for up to eight key/value pairs.
CREATE OR REPLACE MACRO {{pgc}}.json_build_object() AS json_object(),
    (k1, v1) AS json_object(k1::VARCHAR, v1),
    (k1, v1, k2, v2) AS json_object(k1::VARCHAR, v1, k2::VARCHAR, v2),
    (k1, v1, k2, v2, k3, v3) AS json_object(k1::VARCHAR, v1, k2::VARCHAR, v2, k3::VARCHAR, v3),
    (k1, v1, k2, v2, k3, v3, k4, v4) AS json_object(k1::VARCHAR, v1, k2::VARCHAR, v2, k3::VARCHAR, v3, k4::VARCHAR, v4),
    (k1, v1, k2, v2, k3, v3, k4, v4, k5, v5) AS json_object(k1::VARCHAR, v1, k2::VARCHAR, v2, k3::VARCHAR, v3,
        k4::VARCHAR, v4, k5::VARCHAR, v5),
    (k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6) AS json_object(k1::VARCHAR, v1, k2::VARCHAR, v2, k3::VARCHAR, v3,
        k4::VARCHAR, v4, k5::VARCHAR, v5, k6::VARCHAR, v6),
    (k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6, k7, v7) AS json_object(k1::VARCHAR, v1, k2::VARCHAR, v2,
        k3::VARCHAR, v3, k4::VARCHAR, v4, k5::VARCHAR, v5, k6::VARCHAR, v6, k7::VARCHAR, v7),
    (k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6, k7, v7, k8, v8) AS json_object(k1::VARCHAR, v1, k2::VARCHAR, v2,
        k3::VARCHAR, v3, k4::VARCHAR, v4, k5::VARCHAR, v5, k6::VARCHAR, v6, k7::VARCHAR, v7, k8::VARCHAR, v8);

-- to_char(value, template) with PostgreSQL's date/time template patterns,
-- translated to strftime's by _martdb_pg_format (format.go lists the
-- patterns). Dates, timestamps and timestamps with time zone only.
CREATE OR REPLACE MACRO {{pgc}}.to_char(v, f) AS
    strftime(v, {{pgc}}._martdb_pg_format(f));

-- The fallback of martdb's function listing, for sessions that did not
-- register the library: no rows. A session's own temporary listing comes
-- first on every search path, so it wins where it exists.
CREATE OR REPLACE MACRO {{pgc}}.martdb_functions() AS TABLE
    SELECT ''::VARCHAR AS name, ''::VARCHAR AS kind, ''::VARCHAR AS family, ''::VARCHAR AS signature,
           ''::VARCHAR AS description, ''::VARCHAR AS example
    WHERE false;

-- information_schema._pg_expandarray: an array's elements with their
-- 1-based positions, as (x, n) records.
CREATE OR REPLACE MACRO {{info}}._pg_expandarray(arr) AS
    unnest(list_transform(range(len(arr)), i -> {'x': arr[i + 1], 'n': (i + 1)::INTEGER}));
