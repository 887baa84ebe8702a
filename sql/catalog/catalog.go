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
//
// A family's functions live in one of two places, and a family registers
// each part with its own function:
//
//   - Shared: what DuckDB keeps in the database instance's system catalog,
//     which every connection of the instance sees and which outlives the
//     connection that registered it: Go scalar and table functions
//     (duckdb.RegisterScalarUDF, duckdb.RegisterTableUDF) and C API
//     aggregates (sql/eventagg). The engine runs it once per database
//     instance, on the first session, one family at a time, before any
//     Session part: DuckDB fails to create the same function from two
//     connections at once, and the macros of the Session part refer to
//     these functions.
//   - Session: what lives in one connection: temporary macros (CREATE
//     TEMP MACRO, through ExecScript). The engine runs it on every
//     session, concurrently across sessions; it must not register
//     anything in the system catalog.
//
// Register makes the whole family callable on one bare connection, the
// Shared part then the Session part: tests and tools that open a
// connection of their own and want one family on it call it. A family
// with both parts sets Register to a function calling them in that order.
//
// None of the parts may create anything in the database file, which stays
// readable by stock DuckDB (and may be read-only): the system catalog and
// the temporary catalog live in memory.
//
// A family that sets neither Shared nor Session (an older or not yet split
// family) still works: its Register is run on every session, one session
// at a time across the process (package sql/library serialises it), which
// is correct but slow; split it to make sessions fast.
type Family struct {
	Name      string
	Functions []Function
	// Shared registers the family's database-wide functions on conn
	// (once per database instance); nil when the family has none.
	Shared func(ctx context.Context, conn Conn) error
	// Session creates the family's connection-scoped objects on conn
	// (on every connection, after Shared ran on the instance); nil when
	// the family has none.
	Session func(ctx context.Context, conn Conn) error
	// Register makes the whole family callable on conn: Shared, then
	// Session. Registering again, on the same or another connection of
	// the instance, must succeed (and leave the functions working).
	Register func(ctx context.Context, conn Conn) error
}

// Split reports whether the family registers its parts separately
// (Shared and Session), so that sessions need only its Session part.
func (f Family) Split() bool { return f.Shared != nil || f.Session != nil }

// Functions lists the functions of the families, sorted by name.
func Functions(families []Family) []Function {
	var out []Function
	for _, f := range families {
		out = append(out, f.Functions...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
