// Package cli is the martdb command: everything a person types. Its Main
// (called by the few lines of cli/martdb) parses the command line and runs
// one of:
//
//   - `martdb [flags] [DBFILE]` on a terminal, without -c or -f: the
//     interactive shell (the REPL, below);
//   - `martdb [flags] [DBFILE]` otherwise: SQL from -c, -f or stdin, each result
//     printed in a chosen format (package cli/render), errors printed like
//     psql's with SQLSTATE, caret line, DETAIL and HINT; exit status 1 when
//     a statement failed;
//   - `martdb import` and `martdb export`: files in and out through
//     storage, with a progress bar on a terminal;
//   - `martdb demo`: the seeded demo shop from benchmarks/datagen (on a
//     terminal, the tour is followed by the shell on the shop).
//
// The shell is layered so that its logic needs no terminal. The editor
// (reeflective/readline, behind the small lineEditor interface in
// editor.go) only collects keystrokes; what it asks is answered by pure
// functions of text and cursor: when input is complete (sql/split),
// completion candidates (cli/complete, fed by schema.go from the database
// and the function catalog in sql/library), highlighting
// (cli/highlight). repl.go cuts input into statements and meta-commands
// (parsed by cli/meta, run by repl_meta.go); repl_exec.go runs a
// statement with Ctrl-C cancelling it and a progress line after a
// second; output.go renders results (cli/render), expanded when asked
// or when too wide, through a pager when too tall, and keeps the last
// result for .chart (cli/chart). History keeps one entry per statement
// (history.go). Tests drive the pure parts directly and the real binary
// through a pseudo-terminal and a terminal emulator (pty_test.go).
//
// Place in the whole: cli sits on top. It imports engine (sessions, errors,
// results) and the pure helpers below it (sql/split for statements,
// storage for option types), never server: the shell and the wire server
// are two independent front ends on the same engine. Main takes its
// arguments and streams as parameters, so tests drive the real program
// in-process, and one test runs the built binary.
package cli
