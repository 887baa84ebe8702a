// Package pgdialect is the PostgreSQL front of martdb's SQL: it takes one
// statement as a PostgreSQL client sent it and says what it is and what
// DuckDB should run instead.
//
// The wire server (package server) splits a query string into statements
// (sql/split) and hands each to Translate. Translate parses it with
// PostgreSQL's own parser (pganalyze/pg_query_go) and either classifies
// it as a statement the server answers itself (transaction control,
// SET/SHOW/RESET, DISCARD, DEALLOCATE, cursors, COPY, LISTEN/NOTIFY), or
// returns the text for DuckDB, rewritten where the two dialects disagree:
//
//   - regular expression operators: PostgreSQL's ~ searches, DuckDB's ~
//     matches the whole string, so a ~ b becomes regexp_matches(a, b)
//     (~* with the 'i' option; !~ and !~* negated), OPERATOR(pg_catalog.~)
//     included; other OPERATOR(pg_catalog.op) forms become plain op;
//   - COLLATE "default" and COLLATE pg_catalog.default are dropped;
//   - pg_catalog.X and information_schema.X relations go to the emulated
//     catalog (sql/pgcatalog), and pg_catalog.f(...) calls lose their
//     qualifier (the session's search path finds the emulated function,
//     or DuckDB's own);
//   - casts to types DuckDB lacks: ::regclass, ::regtype, ::regproc,
//     ::regnamespace and ::regrole call the emulation's helpers (a
//     constant or parameter is a name looked up to an OID; anything else
//     an OID shown as its name, which is what those casts print in
//     PostgreSQL), ::name becomes VARCHAR, ::jsonb JSON, the vector types
//     lists, and pg_catalog-qualified type names lose their qualifier.
//     A reg* cast cast on to oid (x::regclass::oid, as Metabase writes
//     CAST(CAST(format(...) AS REGCLASS) AS OID)) always calls the
//     lookup helper, which keeps an OID and looks a name up;
//   - the catalog's regproc columns (pg_type.typinput and the others,
//     pgcatalog.RegprocColumns) hold function names, as PostgreSQL prints
//     them; a reference to one by its column name becomes the OID the
//     name looks up to where it is compared with anything but a string, a
//     parameter or another regproc column, tested for membership in a
//     subquery or a list of numbers, passed to a function that takes an
//     OID (obj_description and the like), or cast to oid, int4 or int8
//     (Npgsql's proc.oid = typ.typreceive, pgjdbc's
//     typinput = 'array_in'::regproc, asyncpg's typreceive::oid != 0);
//   - the catalog's int2vector and oidvector columns (pg_index.indkey,
//     pg_proc.proargtypes, ..., pgcatalog.VectorColumns) hold the
//     vector's text ('1 2'), as PostgreSQL prints it; a reference to one
//     by its column name is read into a list everywhere except as a
//     column of the statement's own SELECT list, cast to a text type or
//     compared with a string, and its subscripts count from 0
//     (indkey[0] is the first key), so = ANY(indkey), unnest(indkey) and
//     _pg_expandarray(indkey) see a list;
//   - format(formatstr, args...) with a constant format string holding
//     PostgreSQL's %s, %I, %L (and %n$ positions, %%) becomes their
//     concatenation: DuckDB's format is fmt's {} syntax. %s of NULL is
//     the empty string and %L of NULL is NULL unquoted, as in
//     PostgreSQL; %I of NULL gives NULL where PostgreSQL raises an
//     error; %s shows a value as DuckDB casts it to text (true, not t).
//     Widths and flags are left to DuckDB, which does not know them;
//   - to_timestamp(text, template) with a constant template (or a
//     constant cast to text) becomes strptime with the translated
//     format; with any other template it becomes an error naming the
//     function (SQLSTATE 22023 from DuckDB's error()), since strptime
//     needs its format when the statement is planned;
//   - f(...) WITH ORDINALITY, for f other than DuckDB's own unnest, range
//     and generate_series, becomes (SELECT *, row_number() OVER () AS
//     ordinality FROM f(...)): DuckDB accepts the clause on a table macro
//     (all of martdb's table functions) and drops the column.
//
// Rewrites are spliced into the original text at the byte offsets the
// parser reports, so everything else stays byte for byte what the client
// sent, and Statement.MapPosition maps an error position in the rewritten
// text back. Text PostgreSQL cannot parse is DuckDB's own dialect (list
// literals, INTERVAL 1 DAY, FROM-first queries, martdb's table functions
// with := options) and passes through unchanged: Translate never refuses
// what DuckDB might accept.
//
// Place in the whole: sql/pgdialect sits beside the function library
// under engine; it knows the emulated catalog's names (sql/pgcatalog) and
// nothing of the wire.
package pgdialect
