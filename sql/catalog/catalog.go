package catalog

import (
	"context"
	"database/sql"
	"sort"
	"unsafe"
)

// Kind says how a function is called.
type Kind string

// The kinds of catalog functions.
const (
	Aggregate Kind = "aggregate" // used with GROUP BY
	Scalar    Kind = "scalar"    // one value per row
	Table     Kind = "table"     // used in FROM
)

// Function is one catalog entry: everything the REPL's \df, completion,
// the wire server's pg_proc and the README's reference show about it.
type Function struct {
	Name        string
	Kind        Kind
	Family      string
	Signature   string // e.g. "window_funnel(window INTERVAL, ts TIMESTAMP, conds BOOLEAN[]) -> INTEGER"
	Description string // one line
	Example     string // a runnable statement
	// Choices lists, for a named option that takes one of a few
	// strings, the strings it accepts (for completion and docs):
	// "mode" -> {"strict_order", ...}. Nil when no option does.
	Choices map[string][]string
}

// Periods are the calendar units the period options accept.
var Periods = []string{"hour", "day", "week", "month", "quarter", "year"}

// Conn is the connection a family registers on: the database/sql handle
// for temporary macros and driver-registered functions, and the C
// duckdb_connection for what only DuckDB's C API can register
// (aggregates, through sql/eventagg).
type Conn struct {
	SQL    *sql.Conn
	Handle unsafe.Pointer
}

// Family is a set of related functions with one way of registering them on
// a DuckDB connection. Each family lives in its own package under sql/.
type Family struct {
	Name      string
	Functions []Function
	// Register makes the family's functions callable on conn. It must only
	// create what lives outside the database file (temporary macros,
	// functions registered through the driver), so that the file stays
	// readable by stock DuckDB.
	Register func(ctx context.Context, conn Conn) error
}

// Functions lists the functions of the families, sorted by name.
func Functions(families []Family) []Function {
	var out []Function
	for _, f := range families {
		out = append(out, f.Functions...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
