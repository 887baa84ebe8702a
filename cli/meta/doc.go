// Package meta knows the REPL's meta-commands: the lines that start with a
// dot (.tables, as in the DuckDB shell) or a backslash (\dt, as in psql)
// and act on the shell rather than run as SQL.
//
// It is pure text handling: IsMeta tells a meta-command line from SQL,
// Parse turns one into a Command (a canonical name and its arguments,
// split shell-style, with the argument count checked), and Commands lists
// every command with its aliases, usage and help, which feeds .help, the
// suggestions for a mistyped name and tab completion (cli/complete).
// Running a command is the REPL's job (cli/repl_meta.go), so this package
// imports nothing from martdb.
//
// Commands:
//
//	.help       \? \h     this list
//	.tables     \dt       tables and views, optionally matching a pattern
//	.schema     \d        a table's columns, or every CREATE statement
//	.functions  \df       martdb's function catalog (\df+ adds examples)
//	.timer      \timing   show each statement's time
//	.mode                 table, csv, tsv, json, jsonl, markdown or line
//	.expanded   \x        one column per line: on, off or auto
//	.maxrows              rows a table shows (0 for all)
//	.output     \o        send results to a file (no file: the screen)
//	.once                 send the next result to a file
//	.read       \i        run a file of statements and meta-commands
//	.import               load a CSV, Parquet or JSON file into a table
//	.export               write a table or a query's result to a file
//	.open                 open another database file
//	.pager                page results taller than the screen
//	.chart                draw the last result
//	.quit       .exit \q  leave
package meta
