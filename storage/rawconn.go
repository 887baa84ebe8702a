package storage

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"unsafe"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/duckdb/duckdb-go/v2/mapping"
)

// Raw is direct access to one DuckDB connection underneath a *sql.Conn, for
// what duckdb-go does not expose through database/sql: preparing statements
// to learn their type, and reading a running query's progress from another
// goroutine.
//
// duckdb-go keeps the C connection handle in an unexported field of
// duckdb.Conn. Raw reads it once, after checking by reflection that the
// field is where this version of duckdb-go (v2.10506.0) keeps it; if a
// future version moves it, NewRaw fails loudly instead of reading garbage.
type Raw struct {
	Conn   *duckdb.Conn
	handle mapping.Connection
}

var errRawLayout = errors.New("storage: duckdb.Conn layout differs from the pinned duckdb-go version; update storage/rawconn.go")

// NewRaw captures the driver connection of c and turns on DuckDB's
// progress tracking for it (DuckDB reports no progress otherwise; its own
// progress printing stays off). c must stay open, and be used by one
// goroutine at a time, for as long as the Raw is used (martdb's sessions
// own their *sql.Conn, so this holds).
func NewRaw(c *sql.Conn) (*Raw, error) {
	if err := checkConnLayout(); err != nil {
		return nil, err
	}
	if _, err := c.ExecContext(context.Background(), "SET enable_progress_bar = true; SET enable_progress_bar_print = false"); err != nil {
		return nil, err
	}
	r := &Raw{}
	err := c.Raw(func(dc any) error {
		conn, ok := dc.(*duckdb.Conn)
		if !ok {
			return errors.New("storage: not a DuckDB connection")
		}
		r.Conn = conn
		r.handle = *(*mapping.Connection)(unsafe.Pointer(conn))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// checkConnLayout verifies that duckdb.Conn starts with the field
// `conn mapping.Connection`.
func checkConnLayout() error {
	t := reflect.TypeOf(duckdb.Conn{})
	if t.NumField() == 0 {
		return errRawLayout
	}
	f := t.Field(0)
	if f.Name != "conn" || f.Offset != 0 || f.Type != reflect.TypeOf(mapping.Connection{}) {
		return errRawLayout
	}
	return nil
}

// Progress reports the running query's progress in percent, and false when
// DuckDB cannot tell (no query running, or an operator without progress).
// It is safe to call while another goroutine runs a query on the
// connection.
func (r *Raw) Progress() (float64, bool) {
	p := mapping.QueryProgress(r.handle)
	pct, _, _ := mapping.QueryProgressTypeMembers(&p)
	if pct < 0 {
		return 0, false
	}
	return pct, true
}

// Interrupt asks DuckDB to stop the connection's running query.
func (r *Raw) Interrupt() { mapping.Interrupt(r.handle) }

// Handle is the C duckdb_connection, for registering functions through
// DuckDB's C API where duckdb-go has no wrapper (aggregates).
func (r *Raw) Handle() unsafe.Pointer { return r.handle.Ptr }
