// Package pgcatalog is the PostgreSQL 15 system catalog that martdb's wire
// server shows to PostgreSQL clients: pg_catalog and information_schema
// as psql, JDBC, psycopg, SQLAlchemy, Npgsql and BI tools read them, made
// of views over DuckDB's own catalog functions (duckdb_tables(),
// duckdb_columns(), duckdb_constraints() and the others), so that they
// always describe the user's database as it is.
//
// # Place in the whole
//
// The package sits in sql/, below the wire server (server/) and beside the
// dialect rewriter (sql/pgdialect). It depends on sql/pgoid, the table of
// PostgreSQL types: pg_type lists exactly pgoid.Types, and every column's
// type in pg_attribute is what pgoid.ForDuckDB gives for its DuckDB type,
// so DuckDB's own type ids never reach a client.
//
//   - Install (once per DuckDB instance) attaches the in-memory database
//     Database and creates the emulation in its schemas PgCatalogSchema and
//     InfoSchema: DuckDB reserves the names pg_catalog and
//     information_schema.
//   - Setup (once per session) puts the user's main schema first on the
//     search path and the emulation's pg_catalog after it, so unqualified
//     pg_class or format_type(...) reach the emulation while CREATE TABLE
//     still goes to the user's schema. SetUser and SetSetting record what
//     the session's startup message and SET statements said.
//   - The rewriter turns pg_catalog.X into the emulation when X is one of
//     Relations or Functions (and drops the qualifier otherwise, for
//     DuckDB's own function of that name), information_schema.X always,
//     and casts to reg* types into the helpers named by RegclassFunc and
//     the others.
//
// # How it is built
//
// The SQL lives in sql/*.sql, run in name order. Each relation clients see
// is written as "CREATE VIEW {{pgc}}.name AS query" naming only the
// columns it can fill; Install shapes it to PostgreSQL 15's exact columns,
// in order and with their types, from sql/columns.txt (recorded from a
// PostgreSQL 15 server), giving the others 0, false or NULL. OID columns
// are UINTEGER (PostgreSQL's oid is unsigned 32-bit), names and text
// VARCHAR, arrays lists; regproc columns hold the function's name and
// int2vector and oidvector columns their text ('1 2'), as PostgreSQL
// prints them (VARCHAR). Tables that depend only on this build (pg_type,
// built-in pg_proc rows, pg_operator, pg_settings' defaults, the catalog
// relations) are generated from the Go tables in types.go, procs.go,
// operators.go, settings.go and relations.go.
//
// OIDs follow PostgreSQL's split (consts.go): fixed objects keep
// PostgreSQL's numbers, the user's objects are numbered from
// FirstNormalObjectID by their DuckDB oids, and what DuckDB keeps inside a
// table (constraints, the indexes behind them, column defaults) gets
// synthetic OIDs from SyntheticBase derived from the table.
//
// # What it shows
//
//   - Schemas: public (the user's DuckDB schema main), the user's other
//     schemas, pg_catalog, information_schema. DuckDB's system and temp
//     catalogs, temporary objects, other attached databases and the
//     emulation itself are left out. pg_catalog and public carry PostgreSQL's
//     comments on them ('system catalog schema', 'standard public
//     schema', the latter unless the user commented main).
//   - One role, the session's (a superuser, OID 10), owning everything; one
//     database, the user's, UTF8.
//   - Tables, views, sequences, indexes (DuckDB's ART indexes shown as
//     btree), PRIMARY KEY, UNIQUE, FOREIGN KEY and CHECK constraints (NOT
//     NULL is attnotnull, as in PostgreSQL 15; keys and foreign keys are
//     connoinherit, CHECK constraints not), defaults, comments.
//   - Constraints and the indexes behind keys under the names PostgreSQL
//     15 gives them (table_pkey, table_cols_key, table_cols_fkey,
//     table_col_check or table_check; within 63 bytes, numbered on a
//     clash within the schema), whatever DuckDB called them: DuckDB
//     keeps no name the user gave a constraint.
//   - Defaults as pg_get_expr prints them where DuckDB's text has a
//     PostgreSQL spelling: CAST('v' AS T) is 'v'::t with T's PostgreSQL
//     name, nextval('s') is nextval('s'::regclass), current_timestamp and
//     the other SQL value functions are upper case; anything else is
//     DuckDB's text (so Metabase's LIKE '%nextval(%' still finds
//     sequence defaults).
//   - Statistics: relation sizes (pg_relation_size, pg_table_size,
//     pg_indexes_size, pg_total_relation_size) are estimates, since
//     DuckDB keeps no size per table: a table's estimated row count times
//     its row's width in DuckDB's vectors (16 bytes for a string, whatever
//     its length), an index's its table's rows times its keys' widths and
//     a row id, in whole 8192-byte pages; pg_class.relpages stays 0.
//     pg_size_pretty prints as PostgreSQL's does. Scan counters
//     (pg_stat_get_numscans) are 0.
//   - martdb's functions, read from the session's martdb_functions(), in
//     pg_proc under public, so that psql's \df lists them, with their
//     descriptions in pg_description; the built-in functions clients join
//     to (type input and receive functions) under pg_catalog.
//   - Built-in operators (operators.go): PostgreSQL 15's comparison,
//     arithmetic, LIKE, regular expression and || operators on bool,
//     the integer, floating point and numeric types, text, date,
//     timestamp, timestamptz and interval, with PostgreSQL's OIDs, and
//     their functions in pg_proc; no others (DuckDB has no user-defined
//     operators).
//   - Enum columns are sent as text, so no enum type appears and pg_enum is
//     empty; composite, range and domain types do not exist either.
//
// # What the rewriter must know
//
// Some PostgreSQL constructs cannot be emulated by relations and macros:
// x::regclass and friends (use the helper macros); the ~ and !~
// operators (DuckDB's mean a full match); regproc columns (typinput,
// typreceive, aggfnoid, ...: RegprocColumns), which hold the function's
// name as PostgreSQL prints it and must be looked up to the OID where a
// query compares them with an OID or casts them to oid (a comparison the
// rewriter cannot see, through an alias, compares a name with a number
// and matches nothing); int2vector and oidvector columns (indkey,
// indclass, indoption, proargtypes, ...: VectorColumns), which hold the
// vector's text and must be read into a list (Int2vectorFunc,
// OidvectorFunc) wherever a query does more than print them, and whose
// subscripts start at 0 in PostgreSQL and at 1 in DuckDB lists (a column
// renamed in a subquery is out of the rewriter's sight: its subscripts
// count from 1, and it prints as a list); scalar functions
// used as tables in FROM; WITH ORDINALITY on a table macro;
// to_timestamp(text, template), which DuckDB's strptime can only do with a
// constant format (StrftimeFormat translates the template); and
// format(formatstr, ...), whose %s/%I/%L conversions DuckDB's format (fmt's
// {} syntax) does not know, so no format macro is defined here.
package pgcatalog
