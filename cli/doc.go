// Package cli is the martdb command: everything a person types. Its Main
// (called by the few lines of cli/martdb) parses the command line and runs
// one of:
//
//   - `martdb [flags] [DBFILE]`: SQL from -c, -f or stdin, each result
//     printed in a chosen format (package cli/render), errors printed like
//     psql's with SQLSTATE, caret line, DETAIL and HINT; exit status 1 when
//     a statement failed;
//   - `martdb import` and `martdb export`: files in and out through
//     storage, with a progress bar on a terminal;
//   - `martdb demo`: the seeded demo shop from benchmarks/datagen.
//
// Place in the whole: cli sits on top. It imports engine (sessions, errors,
// results) and the pure helpers below it (sql/split for statements,
// storage for option types), never server: the shell and the wire server
// are two independent front ends on the same engine. Main takes its
// arguments and streams as parameters, so tests drive the real program
// in-process, and one test runs the built binary.
package cli
