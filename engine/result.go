package engine

import (
	"context"
	"database/sql/driver"
	"io"

	"github.com/martdb/martdb/sql/split"
)

// Result is the outcome of one statement. Rows stream from DuckDB a chunk
// at a time (see streamRows); nothing is collected in Go. A Result is
// valid only inside the callback that received it.
type Result struct {
	Statement split.Statement
	Kind      Kind

	ctx      context.Context
	src      string
	cols     []Column
	rows     driver.Rows
	vals     []driver.Value
	row      []any
	hasRows  bool  // the statement returns a result set
	affected int64 // rows changed, for statements that count them
	n        int64 // rows read so far
	err      *Error
	done     bool
	closed   bool
	onClose  func() // set by Prepared.Open
}

// Columns describes the result set; it is empty for statements without one.
func (r *Result) Columns() []Column {
	if !r.hasRows {
		return nil
	}
	return r.cols
}

// HasRows reports whether the statement returns a result set (a SELECT or
// anything with RETURNING), as opposed to a command that changed rows or
// the schema.
func (r *Result) HasRows() bool { return r.hasRows }

// Next advances to the next row; false at the end or after an error (see
// Err).
func (r *Result) Next() bool {
	if !r.hasRows || r.done {
		return false
	}
	if err := r.rows.Next(r.vals); err != nil {
		r.done = true
		if err != io.EOF {
			r.err = convertError(r.ctx, err, r.src, r.Statement.Offset)
		}
		return false
	}
	for i, v := range r.vals {
		r.row[i] = v
	}
	r.n++
	return true
}

// SetContext sets the context that later reads run under. Rows of a
// query stream from DuckDB as they are read, so reading runs the query:
// cancelling ctx (or the session's Cancel, or its statement timeout,
// which bounds each fetch) interrupts it with 57014. Until set, a result
// from Prepared.Open reads under the context it was opened with, minus
// its cancellation.
func (r *Result) SetContext(ctx context.Context) {
	r.ctx = ctx
	if sr, ok := r.rows.(*streamRows); ok {
		sr.ctx = ctx
	}
}

// Values is the current row; it is overwritten by the next call to Next.
func (r *Result) Values() []any { return r.row }

// Err is the error that ended the rows early, if any.
func (r *Result) Err() error {
	if r.err == nil {
		return nil
	}
	return r.err
}

// RowsAffected is how many rows an INSERT, UPDATE, DELETE or COPY changed.
func (r *Result) RowsAffected() int64 { return r.affected }

// Tag is PostgreSQL's command tag: "SELECT 3" after the rows were read,
// "INSERT 0 2", "CREATE", ...
func (r *Result) Tag() string {
	if r.hasRows {
		if r.Kind == KindSelect || r.Kind == KindExplain || r.Kind == KindPragma || r.Kind == KindOther {
			return "SELECT " + itoa(r.n)
		}
		return r.Kind.tag(r.n)
	}
	return r.Kind.tag(r.affected)
}

// Close releases the rows of a result from Prepared.Open. (Results handed
// to an Exec callback are closed by Exec.) Closing twice is harmless.
func (r *Result) Close() error {
	if r.closed {
		return nil
	}
	r.closed = true
	err := r.rows.Close()
	if r.onClose != nil {
		r.onClose()
	}
	return err
}
