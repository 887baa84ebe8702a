// Package catalog describes martdb's SQL function library: what a function
// family is, what the catalog says about each function, and the
// martdb_functions() listing built from it.
//
// Every marketing function lives in a family package under sql/ (one
// package per family, each exporting a catalog.Family with its Register
// function and its entries). Package sql/library gathers the families;
// the engine registers them on every session it opens. Because the catalog
// is plain Go data, the same entries feed martdb_functions(), the REPL's
// \df and completion, the wire server's pg_proc, and the generated function
// reference in the README, so none of them can drift from the others.
//
// A family registers in two parts (see Family): Shared, the Go and C
// functions DuckDB keeps in the database instance's system catalog, once
// per database; Session, the temporary macros, on every connection. Both
// live in memory: nothing is written into the user's database file, which
// therefore stays readable by stock DuckDB (and may be read-only).
package catalog
