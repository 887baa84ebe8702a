// Package server is martdb's PostgreSQL wire-protocol front end. BI tools
// and drivers (psql, JDBC, psycopg, pgx, node-postgres, Metabase, Grafana,
// Superset, Power BI) connect to it as to PostgreSQL 15 and run SQL,
// marketing functions included, on one martdb database.
//
// # Layers
//
// A connection passes through four layers, each in its own place:
//
//   - Codec: github.com/jackc/pgx/v5/pgproto3 turns bytes into protocol
//     messages and back. martdb never parses frames itself.
//   - State machine (this package): startup (SSLRequest, GSSENCRequest,
//     CancelRequest, StartupMessage), authentication (server/auth), then
//     one goroutine per connection reading messages and answering them:
//     conn.go holds the loop, simple.go the Query message, extended.go
//     and portal.go Parse/Bind/Describe/Execute/Close/Sync, txn.go
//     transaction blocks, settings.go SET/SHOW and ParameterStatus,
//     commands.go the statements the server answers itself, rows.go
//     RowDescription and DataRow.
//   - Dialect (sql/pgdialect): each statement a client sends is parsed with
//     PostgreSQL's own parser and classified (transaction control,
//     settings, cursors, COPY) or rewritten where PostgreSQL and DuckDB
//     disagree (regular expression operators, regclass casts, qualified
//     catalog names). Text that PostgreSQL cannot parse is DuckDB's dialect
//     and passes through untouched.
//   - Engine: every connection owns one engine.Session, one DuckDB
//     connection with the marketing library and the emulated pg_catalog
//     and information_schema (sql/pgcatalog) on its search path. Types
//     reach the wire through sql/pgoid (DuckDB type to PostgreSQL OID, the
//     same table pg_type is built from) and server/pgtypes (value
//     encoding in text and binary).
//
// # Transactions
//
// DuckDB runs each statement in its own transaction unless told
// otherwise; the server keeps PostgreSQL's view on top: a transaction
// block opened by BEGIN reports T in ReadyForQuery, an error in it makes
// it E until ROLLBACK (25P02 for anything else), COMMIT of a failed block
// rolls back and says so. Several statements in one Query message, and
// the writes of an extended-protocol batch up to Sync, run in one implicit
// transaction, so a failure undoes the rest as in PostgreSQL. DuckDB has
// no savepoints: SAVEPOINT and RELEASE are accepted, and ROLLBACK TO
// succeeds only when nothing ran since the savepoint; otherwise it fails
// with 0A000 rather than pretend.
//
// # Types
//
// Result columns carry the PostgreSQL OIDs clients know. DuckDB types
// with no PostgreSQL twin are never given invented OIDs: structs, maps and
// nested lists go out as json, enums, unions and bit strings as text.
// When DuckDB cannot type a parameter before it is bound, the parameter
// is announced as text and the result columns are learned from a probe
// (see engine.Prepared); values then go out as the client was told.
//
// # Cancellation and limits
//
// BackendKeyData gives each connection a process id and a random secret;
// a CancelRequest with both interrupts that connection's running
// statement (57014), and the session stays usable; a cancel that arrives
// after its query but before the statement starts (the two come on
// different connections) cancels that statement as it starts. The server
// limits connections (53300), startup time (a client that has not
// finished authenticating and opening its session in time gets FATAL
// 08006 "timeout expired during startup"), statement time (57014) and
// idle time, and shuts
// down gracefully: it stops accepting, lets running statements finish for
// a grace period, then closes every connection; the caller closes the
// engine, which checkpoints.
//
// # Who gets in, and what they can reach
//
// Authentication is server/auth's (trust, cleartext password, SCRAM-SHA-256;
// a wrong password and an unknown user fail alike, after the same delay).
// Around it the server refuses plaintext clients when TLS is required
// (28000), and an address that failed to authenticate too often in the
// last minute (28000, with how long to wait; authlimit.go). Read-only users
// run every statement in a DuckDB read-only transaction, so DuckDB itself
// refuses their writes whatever the statement (25006), and they cannot
// change any of DuckDB's settings (42501); see readonly.go. No client may
// change the DuckDB settings every session shares (memory_limit, threads,
// enable_external_access...) or those that reach the server's files,
// terminal or the engine's own footing, in any syntax (42501, duckset.go).
// What files a
// statement can reach is the engine's business: `martdb serve` opens it
// with file access restricted to the directories the operator allows, plus
// the server's own spool directory for COPY FROM STDIN (SpoolDir).
//
// Place in the whole: server imports engine, sql (the dialect and type
// table) and never cli; cli never imports server. `martdb serve` is in
// server/servecmd.
package server
