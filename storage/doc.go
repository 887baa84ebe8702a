// Package storage is martdb's layer over the DuckDB store itself: opening a
// database file (or an in-memory database), read-only or not, with its
// settings; checkpointing on close; loading files into tables and writing
// tables or query results out to files; and the raw DuckDB connection
// handle that duckdb-go does not expose, used to read a running query's
// progress.
//
// # Import
//
// Import reads CSV, TSV, JSON (lines or arrays) and Parquet, from files,
// globs or stdin, plain or gzip/zstd compressed. DuckDB reads files itself,
// compressed ones included when their extension says so; input DuckDB
// cannot read as it stands (stdin, or a compressed file whose name does not
// say so) is decompressed with klauspost/compress into a temporary file
// first. The load is a single CREATE TABLE AS or INSERT statement, so it is
// one transaction: a malformed line leaves no table and no partial rows.
//
// # Export
//
// Export uses DuckDB's COPY with a header for CSV/TSV, JSON lines, or
// Parquet, optionally gzip/zstd compressed. Files are written under a
// temporary name and renamed into place, so a failed export leaves nothing
// half-written. Export to stdout goes through a temporary file and is
// compressed by klauspost/compress on the way out.
//
// # Place in the whole
//
// storage sits below engine and imports neither engine nor the front ends.
// It works on *sql.Conn handles the engine gives it; user mistakes it
// detects itself are reported as ErrNotFound or ErrInvalid, which the
// engine maps to SQLSTATEs.
package storage
