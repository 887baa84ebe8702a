// Package library is martdb's whole SQL function library: it lists the
// function families (one package each under sql/) and registers them on
// DuckDB connections. The engine calls RegisterShared once per database
// (the Go and C functions every connection of the instance shares) and
// RegisterSession on every session it opens (the temporary macros, and
// the listing), concurrently; Register puts everything on one bare
// connection. The REPL and the wire server read Functions for help,
// completion and pg_proc.
package library
