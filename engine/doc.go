// Package engine is martdb's core: it owns the database, hands out
// sessions, runs SQL under a context, and reports every failure as one
// error type.
//
// # Place in the whole
//
// The front ends (cli, the shell; server, the PostgreSQL wire protocol)
// import engine and nothing of each other. engine imports the layers
// below it: storage (opening database files, import, export, the raw DuckDB
// connection) and sql (the marketing function library and the statement
// splitter). Neither of those imports engine. A test (deps_test.go) fails
// if any package breaks this direction.
//
// # Sessions
//
// An Engine opens one DuckDB database, a file or in memory, and gives out
// Sessions. Each Session is one fresh DuckDB connection (connections are
// never pooled and reused, so no session sees another's temporary objects
// or settings) on which the engine switches DuckDB to structured errors and
// makes the whole function library from sql/library callable. The library
// never lives in the database file, so files martdb writes stay readable by
// stock DuckDB: its Go and C functions go into the database instance's
// system catalog, registered once per Engine by its first session
// (library.RegisterShared) and shared by every connection; its temporary
// macros are created on each session (library.RegisterSession), which
// sessions do concurrently.
//
// # Running statements
//
// Session.Exec splits its text into statements (sql/split) and runs them in
// order, handing each Result to a callback that reads its rows; Prepare and
// Prepared.Open do the same one statement at a time, for front ends that
// read a result across calls (the wire server's portals and cursors).
// Queries run in DuckDB's streaming mode (stream.go): DuckDB computes rows
// as they are fetched, a chunk of 2,048 at a time, so a client that reads
// slowly or stops holds a chunk and DuckDB's small stream buffer, never the
// whole result, and nothing is collected in Go. duckdb-go runs everything
// materialised, so the engine reaches its internals for this
// (duckdbabi.go, checked against the pinned version). A DuckDB connection
// runs one query at a time; when a session is asked to run something while
// a result is still open, it first reads the rest of that result into
// memory (settle), so interleaved results stay correct.
//
// Each statement runs under its own context carrying the session's
// statement timeout; cancelling the caller's context, calling
// Session.Cancel from another goroutine, or the timeout interrupts DuckDB,
// and the statement fails with SQLSTATE 57014 while the session stays
// usable. Reading a streamed result runs the query, so the same holds for
// each fetch (Result.SetContext gives reads their own context).
//
// # Errors
//
// Error carries what a PostgreSQL ErrorResponse carries: SQLSTATE, message,
// detail, hint and a 1-based character position in the submitted text.
// Sessions set DuckDB's errors_as_json, so DuckDB's errors arrive as
// structured data (exception type, subtype, entry type, position) and
// errmap.go maps them to SQLSTATEs in a single table; no code branches on
// message text. Cancellations become 57014, storage's user errors 58P01 or
// 22023.
package engine
