// Package sql is the root of martdb's SQL layer. It holds no code of its
// own; its sub-packages do the work:
//
//   - catalog: what a function family and a catalog entry are, and the
//     martdb_functions() listing;
//   - library: every family gathered, registered on each session;
//   - split: the statement splitter shared by the engine and the REPL;
//   - one package per marketing function family (funnels, retention,
//     cohorts, RFM, lifecycle, sessions, ...), each with a Register.
//
// The layer sits below the engine (engine imports sql, never the reverse)
// and knows nothing about sessions, the shell or the wire protocol: it only
// needs a DuckDB connection to register on.
package sql
