// Package library is martdb's whole SQL function library: it lists the
// function families (one package each under sql/) and registers all of them
// on a DuckDB connection. The engine calls Register on every session it
// opens; the REPL and the wire server read Functions for help, completion
// and pg_proc.
package library
