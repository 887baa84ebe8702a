package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/martdb/martdb/engine"
)

// Rows is a streamed result: the CLI adapts engine results to it.
type Rows interface {
	// Columns describes the columns of every row; it does not change
	// while the rows are read.
	Columns() []engine.Column
	// Next advances to the next row; it returns false at the end of the
	// result or on error.
	Next() bool
	// Values returns the current row, one value per column. The slice is
	// valid only until the next call to Next.
	Values() []any
	// Err reports the error that ended the result, if any.
	Err() error
}

// Format names an output format.
type Format string

// The output formats.
const (
	Table    Format = "table"
	CSV      Format = "csv"
	TSV      Format = "tsv"
	JSON     Format = "json"
	JSONL    Format = "jsonl"
	Markdown Format = "markdown"
	Line     Format = "line"
)

// Formats lists every format in the order help texts show them.
var Formats = []Format{Table, CSV, TSV, JSON, JSONL, Markdown, Line}

// ParseFormat returns the format named s, ignoring case and surrounding
// space. The error for an unknown name lists the valid ones.
func ParseFormat(s string) (Format, error) {
	name := Format(strings.ToLower(strings.TrimSpace(s)))
	if _, ok := writers[name]; ok {
		return name, nil
	}
	return "", unknownFormat(s)
}

func unknownFormat(s string) error {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return fmt.Errorf("render: unknown format %q (valid formats: %s)", s, strings.Join(names, ", "))
}

// Options tune the output. The zero value prints everything without
// width limit and shows NULL as "NULL".
type Options struct {
	// Width is the terminal width in columns for table; 0 means
	// unlimited (no truncation).
	Width int
	// MaxRows makes table show at most this many rows (0 = all); the rest
	// are counted, not stored.
	MaxRows int
	// Null is how table, markdown and line show NULL; "NULL" when empty.
	// csv, tsv and json have their own NULL (empty field, null).
	Null string
}

// DefaultNull is what Options.Null falls back to.
const DefaultNull = "NULL"

func (o Options) null() string {
	if o.Null == "" {
		return DefaultNull
	}
	return o.Null
}

// writer renders rows that have at least one column. It returns the number
// of rows read; Write adds the error of rows itself.
type writer func(w io.Writer, rows Rows, cols []engine.Column, opt Options) (int64, error)

var writers = map[Format]writer{
	Table:    writeTable,
	CSV:      writeCSV,
	TSV:      writeTSV,
	JSON:     writeJSON,
	JSONL:    writeJSONL,
	Markdown: writeMarkdown,
	Line:     writeLine,
}

// Write renders rows to w in format f and returns how many rows the result
// had (all of them, shown or not). A result without columns, such as the
// result of a statement that returns nothing, prints nothing in every
// format. When rows fail part way, the streaming formats have already
// written the rows before the failure (a json array is then left
// unclosed), table writes nothing, and the error of rows is returned.
// When writing fails, Write stops reading rows and returns the write
// error.
func Write(w io.Writer, rows Rows, f Format, opt Options) (int64, error) {
	write, ok := writers[f]
	if !ok {
		return 0, unknownFormat(string(f))
	}
	cols := rows.Columns()
	if len(cols) == 0 {
		return drain(rows)
	}
	n, err := write(w, rows, cols, opt)
	if err != nil {
		return n, err
	}
	return n, rows.Err()
}

// drain counts the rows of a result it does not print.
func drain(rows Rows) (int64, error) {
	var n int64
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// rowValues returns the current row and checks that it has one value per
// column.
// eachRow calls fn with the index and values of every row, in order, and
// returns how many rows it read. It stops at the first error, from the
// rows or from fn.
func eachRow(rows Rows, cols []engine.Column, fn func(i int64, vals []any) error) (int64, error) {
	var n int64
	for rows.Next() {
		vals, err := rowValues(rows, cols)
		if err != nil {
			return n + 1, err
		}
		if err := fn(n, vals); err != nil {
			return n + 1, err
		}
		n++
	}
	return n, nil
}

func rowValues(rows Rows, cols []engine.Column) ([]any, error) {
	vals := rows.Values()
	if len(vals) != len(cols) {
		return nil, fmt.Errorf("render: row has %d values for %d columns", len(vals), len(cols))
	}
	return vals, nil
}
