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
// # Backup and restore
//
// Backup takes a consistent snapshot of a running database: on one of its
// connections it ATTACHes a new DuckDB file in a scratch directory and
// runs COPY FROM DATABASE into it. That is one statement, hence one
// transaction, and DuckDB's MVCC gives it a snapshot: the copy holds
// exactly the transactions committed before it began, while other
// connections keep reading and committing (TestBackupIsConsistentWhileWriting
// checks both). DETACH then checkpoints the copy into a single file.
// Tables with their values, schemas, views, sequences (with their current
// values), enum types, macros, indexes, and primary key, unique, not null,
// check and default constraints all survive. Foreign keys do not: DuckDB
// 1.5's COPY FROM DATABASE copies referencing rows before referenced ones,
// so a database whose tables with a FOREIGN KEY hold rows cannot be
// backed up (Backup says so).
// Temporary objects and settings are never part of a database.
//
// A backup archive is one file:
//
//	martdb-backup 1\n                 magic and format version
//	{"martdb_version":...}\n          the manifest: one line of JSON
//	<64 hex digits>\n                 SHA-256 of the manifest line
//	<payload>                          the snapshot file, zstd-compressed
//
// The manifest records the martdb and DuckDB versions, the creation time
// (UTC), the database's name, its tables with their row counts and its
// views, the snapshot's size, and the payload's length and SHA-256.
// Nothing may follow the payload. Every byte of the archive is covered by
// a checksum: the manifest by its own, the payload by the manifest's
// (and zstd adds a checksum of the decompressed stream). The archive is
// written under a temporary name beside its final one and renamed into
// place, so a failed backup leaves nothing.
//
// Restore reads the header and the whole payload before writing anything:
// a truncated or altered archive is refused with an ErrCorrupt error that
// says what is wrong ("backup archive is truncated: payload has N of M
// bytes", "checksum mismatch: ..."). It then decompresses into a
// temporary file beside the target, opens it read-only and checks that its
// tables and row counts are the manifest's, and only then renames it into
// place. It refuses to replace an existing file unless forced (ErrExists),
// and a file another process holds (ErrLocked); LockedBy tells a failed
// open of a file held by another process (a running `martdb serve`) from
// other failures, by DuckDB's error type and the system's lock table.
//
// # Place in the whole
//
// storage sits below engine and imports neither engine nor the front ends.
// It works on *sql.Conn handles the engine gives it; user mistakes it
// detects itself are reported as ErrNotFound or ErrInvalid, which the
// engine maps to SQLSTATEs.
package storage
