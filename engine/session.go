package engine

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"strconv"
	"sync/atomic"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/library"
	"github.com/martdb/martdb/sql/split"
	"github.com/martdb/martdb/storage"
)

// errStatementTimeout is the cause of a context cancelled by the session's
// statement timeout.
var errStatementTimeout = errors.New("statement timeout")

// Session is one DuckDB connection with martdb's function library
// registered on it. It runs one statement at a time: it is not for
// concurrent use, except Progress and Cancel, which other goroutines may
// call while a statement runs.
type Session struct {
	eng     *Engine
	conn    *sql.Conn
	raw     *storage.Raw
	timeout time.Duration
	cancel  atomic.Pointer[context.CancelCauseFunc]
	active  *streamRows // the open streamed result, if any
	closed  bool
}

// NewSession opens a session: a fresh DuckDB connection, structured error
// reporting, and the marketing function library registered on it (its
// database-wide functions once per engine, on the first session; its
// temporary macros on every session). Sessions open concurrently.
func (e *Engine) NewSession(ctx context.Context) (*Session, error) {
	conn, err := e.db.Conn(ctx)
	if err != nil {
		return nil, convertError(ctx, err, "", 0)
	}
	s := &Session{eng: e, conn: conn, timeout: e.opt.StatementTimeout}
	if err := s.init(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	if !e.track(s) {
		conn.Close()
		return nil, Errorf(CodeConnectionException, "the database is closed")
	}
	return s, nil
}

func (s *Session) init(ctx context.Context) error {
	raw, err := storage.NewRaw(s.conn)
	if err != nil {
		return convertError(ctx, err, "", 0)
	}
	s.raw = raw
	if _, err := s.conn.ExecContext(ctx, "SET errors_as_json = true"); err != nil {
		return convertError(ctx, err, "", 0)
	}
	conn := catalog.Conn{SQL: s.conn, Handle: raw.Handle()}
	if err := s.eng.registerShared(ctx, conn); err != nil {
		return convertError(ctx, err, "", 0)
	}
	if err := library.RegisterSession(ctx, conn); err != nil {
		return convertError(ctx, err, "", 0)
	}
	return nil
}

// registerShared registers the library's database-wide functions through
// conn unless an earlier session did. They outlive that session's
// connection: DuckDB keeps them with the database instance. A failure
// (a cancelled context) leaves them to the next session.
func (e *Engine) registerShared(ctx context.Context, conn catalog.Conn) error {
	e.sharedMu.Lock()
	defer e.sharedMu.Unlock()
	if e.shared {
		return nil
	}
	if err := library.RegisterShared(ctx, conn); err != nil {
		return err
	}
	e.shared = true
	return nil
}

// SetTimeout sets the statement timeout of this session (0: none).
func (s *Session) SetTimeout(d time.Duration) { s.timeout = d }

// Timeout is the session's statement timeout.
func (s *Session) Timeout() time.Duration { return s.timeout }

// Engine is the engine the session belongs to.
func (s *Session) Engine() *Engine { return s.eng }

// Close ends the session and its DuckDB connection. Temporary objects of
// the session go with it.
func (s *Session) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	if r := s.active; r != nil {
		r.err = Errorf(CodeConnectionException, "the session was closed while its result was being read")
		r.end()
	}
	s.eng.untrack(s)
	return s.conn.Close()
}

// Cancel interrupts the statement running in this session, if any; it
// fails with 57014 and the session stays usable.
func (s *Session) Cancel() {
	if c := s.cancel.Load(); c != nil {
		(*c)(context.Canceled)
	}
}

// Progress is the running statement's progress in percent, and false when
// DuckDB cannot tell.
func (s *Session) Progress() (float64, bool) { return s.raw.Progress() }

// Exec runs every statement in text, in order, calling fn with each
// statement's result (rows not yet read; fn streams them). It stops at the
// first statement that fails, or when fn returns an error, and returns that
// error; errors from SQL are *Error with positions relative to text.
// Cancelling ctx interrupts the running statement (57014).
func (s *Session) Exec(ctx context.Context, text string, fn func(*Result) error) error {
	if s.closed {
		return Errorf(CodeConnectionException, "the session is closed")
	}
	s.settle()
	for _, st := range split.Split(text) {
		if err := s.run(ctx, text, st, fn); err != nil {
			return err
		}
	}
	return nil
}

// run executes one statement under its own context, which carries the
// statement timeout and the session's Cancel.
func (s *Session) run(ctx context.Context, src string, st split.Statement, fn func(*Result) error) error {
	ctx, cancel := s.statementContext(ctx)
	defer cancel(nil)
	stmt, err := s.raw.Conn.PrepareContext(ctx, st.Text)
	if err != nil {
		return convertError(ctx, err, src, st.Offset)
	}
	defer stmt.Close()
	ds := stmt.(*duckdb.Stmt)
	t, err := ds.StatementType()
	if err != nil {
		return convertError(ctx, err, src, st.Offset)
	}
	rows, err := s.query(ctx, ctx, ds, kindOf(t), nil)
	if err != nil {
		return refineReadOnly(convertError(ctx, err, src, st.Offset), s.eng.ReadOnly(), kindOf(t))
	}
	defer rows.Close()
	r, err := newResult(ctx, src, st, kindOf(t), rows)
	if err != nil {
		return err
	}
	if err := fn(r); err != nil {
		return err
	}
	if r.err != nil {
		return r.err
	}
	return nil
}

// query executes a prepared statement under ctx: queries stream their
// rows (see streamRows), read under readCtx; everything else runs through
// the driver as it is.
func (s *Session) query(ctx, readCtx context.Context, stmt *duckdb.Stmt, kind Kind, args []driver.NamedValue) (driver.Rows, error) {
	if kind == KindSelect && streamingSupported() {
		return s.stream(ctx, readCtx, stmt, args)
	}
	return stmt.QueryContext(ctx, args)
}

// statementContext derives the context of one statement: the session
// timeout as its deadline, and a cancel function Cancel can reach.
func (s *Session) statementContext(ctx context.Context) (context.Context, context.CancelCauseFunc) {
	ctx, cancel := context.WithCancelCause(ctx)
	var stopTimer func() bool
	if s.timeout > 0 {
		t := time.AfterFunc(s.timeout, func() { cancel(errStatementTimeout) })
		stopTimer = t.Stop
	}
	outer := s.cancel.Swap(&cancel) // a fetch runs inside its statement's context
	return ctx, func(cause error) {
		s.cancel.Store(outer)
		if stopTimer != nil {
			stopTimer()
		}
		cancel(cause)
	}
}

// newResult wraps the driver's rows. For statements that only count changed
// rows, it reads the count now.
func newResult(ctx context.Context, src string, st split.Statement, kind Kind, rows driver.Rows) (*Result, error) {
	names := rows.Columns()
	r := &Result{Statement: st, Kind: kind, ctx: ctx, src: src, rows: rows, hasRows: true}
	r.cols = make([]Column, len(names))
	typed, _ := rows.(driver.RowsColumnTypeDatabaseTypeName)
	for i, n := range names {
		r.cols[i] = Column{Name: n}
		if typed != nil {
			r.cols[i].Type = typed.ColumnTypeDatabaseTypeName(i)
		}
	}
	r.vals = make([]driver.Value, len(names))
	r.row = make([]any, len(names))
	if kind.countsRows() && isCountColumn(r.cols) {
		r.hasRows = false
		return r, r.readCount()
	}
	if !kind.returnsResultSet() {
		r.hasRows = false
	}
	return r, nil
}

// isCountColumn recognises DuckDB's answer to a data-changing statement
// without RETURNING: one BIGINT column named Count.
func isCountColumn(cols []Column) bool {
	return len(cols) == 1 && cols[0].Name == "Count" && cols[0].Type == "BIGINT"
}

func (r *Result) readCount() error {
	if err := r.rows.Next(r.vals); err != nil {
		return convertError(r.ctx, err, r.src, r.Statement.Offset)
	}
	if n, ok := r.vals[0].(int64); ok {
		r.affected = n
	}
	return nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// WithConn runs fn with the session's database/sql connection, for bulk
// loaders that drive DuckDB directly (the demo generator uses the
// appender). Errors are converted like any statement's.
func (s *Session) WithConn(ctx context.Context, fn func(*sql.Conn) error) error {
	s.settle()
	ctx, cancel := s.statementContext(ctx)
	defer cancel(nil)
	if err := fn(s.conn); err != nil {
		return convertError(ctx, err, "", 0)
	}
	return nil
}
