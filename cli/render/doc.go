// Package render writes query results as text.
//
// It is the output end of the martdb command: whatever a query run with -c,
// read from a file with -f or piped in on stdin returns is handed to
// [Write], and later the interactive REPL uses the same code. The engine
// produces the rows; this package only turns them into text. It does no
// terminal detection, reads no flags and never writes ANSI escape codes:
// the caller decides the format, the width and how many rows to show.
//
// Rows arrive one at a time through the [Rows] interface, with values as
// the duckdb-go driver hands them over (nil for NULL, Go integers and
// floats, *big.Int, duckdb.Decimal, strings, []byte, time.Time,
// duckdb.Interval, []any, map[string]any, maps and unions). Text is always
// produced by engine.FormatValue, so every format shows a value the same
// way.
//
// The formats are:
//
//   - table: a box-drawn grid in the style of DuckDB's shell, with column
//     names and lower-case type names above the rows, numbers
//     right-aligned, control characters shown escaped and a footer that
//     counts the rows. It fits itself into Options.Width by shrinking the
//     widest columns and, when that is not enough, dropping columns from
//     the middle. It is the only format that has to look at rows before it
//     can print, and it keeps at most Options.MaxRows of them.
//   - csv: RFC 4180 through encoding/csv, a header row, NULL as an empty
//     field.
//   - tsv: a header row, tab separated, NULL as an empty field, tabs,
//     newlines, carriage returns and backslashes escaped with a backslash.
//   - json: one array of objects whose keys follow the column order, with
//     numbers kept exact (decimals and huge integers are never rounded
//     through float64), lists as arrays, structs as objects and maps as
//     arrays of {"key", "value"} objects.
//   - jsonl: the same objects, one per line, without the array.
//   - markdown: a GitHub-flavoured table with numeric columns
//     right-aligned.
//   - line: every row as "name = value" lines, one blank line between
//     rows, like the line mode of the DuckDB and SQLite shells.
//
// All formats except table stream: they write each row as it arrives and
// hold nothing back, so their memory use does not grow with the result.
package render
