package engine

import (
	"context"
	"database/sql/driver"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/split"
)

// Prepared is one statement prepared on a session, for front ends that
// separate preparing from executing (the wire server's extended query
// protocol). It knows its parameter and result types before it runs.
// Like its Session, it is not for concurrent use.
type Prepared struct {
	s      *Session
	text   string
	stmt   *duckdb.Stmt
	kind   Kind
	params []string
	cols   []Column
	open   int  // results opened from stmt and not closed yet
	closed bool // Close was called; stmt goes when the last result does
}

// Prepare prepares text, which must hold exactly one statement (a
// trailing semicolon is fine). Errors carry positions relative to text.
func (s *Session) Prepare(ctx context.Context, text string) (*Prepared, error) {
	return s.PrepareHinted(ctx, text, nil)
}

// PrepareHinted is Prepare for a client that declared some parameter
// types: hints[i] is the DuckDB type of $i+1 ("" when not declared). The
// hints do not change how the statement runs; they only help describe
// its result when DuckDB cannot type a parameter itself.
func (s *Session) PrepareHinted(ctx context.Context, text string, hints []string) (*Prepared, error) {
	if s.closed {
		return nil, Errorf(CodeConnectionException, "the session is closed")
	}
	s.settle()
	stmt, kind, err := s.prepare(ctx, text)
	if err != nil {
		return nil, err
	}
	p := &Prepared{s: s, text: text, stmt: stmt, kind: kind}
	if err := p.describe(); err != nil {
		stmt.Close()
		return nil, convertError(ctx, err, text, 0)
	}
	if p.unknownColumns() {
		p.probeColumns(ctx, hints)
	}
	return p, nil
}

// prepare makes a DuckDB prepared statement of text and classifies it.
func (s *Session) prepare(ctx context.Context, text string) (*duckdb.Stmt, Kind, error) {
	ds, err := s.raw.Conn.PrepareContext(ctx, text)
	if err != nil {
		return nil, "", convertError(ctx, err, text, 0)
	}
	stmt := ds.(*duckdb.Stmt)
	t, err := stmt.StatementType()
	if err != nil {
		stmt.Close()
		return nil, "", convertError(ctx, err, text, 0)
	}
	return stmt, kindOf(t), nil
}

// describe reads the parameter and result types DuckDB inferred.
func (p *Prepared) describe() error {
	n := p.stmt.NumInput()
	p.params = make([]string, n)
	for i := range n {
		t, err := p.stmt.ParamType(i + 1)
		if err != nil {
			return err
		}
		p.params[i] = paramTypeName(t)
	}
	if !p.kind.returnsResultSet() {
		return nil
	}
	cols, err := p.stmt.ColumnCount()
	if err != nil {
		return err
	}
	for i := range cols {
		name, err := p.stmt.ColumnName(i)
		if err != nil {
			return err
		}
		p.cols = append(p.cols, Column{Name: name, Type: p.columnType(i)})
	}
	if p.kind.countsRows() && isCountColumn(p.cols) {
		p.cols = nil
	}
	return nil
}

// columnType is result column i's type, or "UNKNOWN" when DuckDB leaves
// it open until parameters are bound (it does for expressions over
// untyped parameters).
func (p *Prepared) columnType(i int) string {
	if t, err := p.stmt.ColumnType(i); err != nil || t == duckdb.TYPE_INVALID {
		return "UNKNOWN"
	}
	info, err := p.stmt.ColumnTypeInfo(i)
	if err != nil {
		return "UNKNOWN"
	}
	return typeInfoName(info)
}

// Text is the statement as prepared.
func (p *Prepared) Text() string { return p.text }

// Kind is what sort of statement this is.
func (p *Prepared) Kind() Kind { return p.kind }

// ParamTypes are the DuckDB types of the statement's parameters $1..$n,
// as DuckDB inferred them ("INTEGER", "VARCHAR", "DECIMAL", ...), or
// "UNKNOWN" where DuckDB could not tell.
func (p *Prepared) ParamTypes() []string { return p.params }

// Columns describes the result set the statement will return, or nil
// when it returns none (DDL, SET, an INSERT without RETURNING). A column
// whose type depends on how parameters are bound has type "UNKNOWN"; the
// result of Open has the actual types.
func (p *Prepared) Columns() []Column { return p.cols }

// Close releases the prepared statement. Results opened from it stay
// valid until closed (DuckDB's statement is released with the last of
// them).
func (p *Prepared) Close() error {
	p.closed = true
	return p.release()
}

// release closes DuckDB's statement once it is closed and unused.
func (p *Prepared) release() error {
	if p.stmt == nil || !p.closed || p.open > 0 {
		return nil
	}
	err := p.stmt.Close()
	p.stmt = nil
	return err
}

// Open runs the statement with args bound to $1..$n and returns its
// result, whose rows the caller reads at its own pace, across calls, and
// must Close. The statement timeout and the session's Cancel apply while
// it executes.
func (p *Prepared) Open(ctx context.Context, args []any) (*Result, error) {
	stmt := p.stmt
	if stmt == nil || p.closed {
		return nil, Errorf(CodeInvalidParameter, "the prepared statement is closed")
	}
	p.s.settle()
	if p.open > 0 {
		// DuckDB runs one result per prepared statement at a time; a
		// second portal over the same statement gets its own copy.
		st, _, err := p.s.prepare(ctx, p.text)
		if err != nil {
			return nil, err
		}
		stmt = st
	}
	r, err := p.s.open(ctx, p.text, p.kind, stmt, args)
	if guessed, ok := p.guessArgs(args); err != nil && ok {
		// DuckDB may reject text for an untyped parameter where a number
		// is needed (i + $1 cannot choose between INTEGER and DATE for a
		// string); clients that send every parameter as text (libpq,
		// node-postgres) then get what they meant.
		if r2, err2 := p.s.open(ctx, p.text, p.kind, stmt, guessed); err2 == nil {
			r, err = r2, nil
		}
	}
	if err != nil {
		if stmt != p.stmt {
			stmt.Close()
		}
		return nil, err
	}
	if stmt == p.stmt {
		p.open++
		r.onClose = func() {
			p.open--
			p.release()
		}
	} else {
		r.onClose = func() { stmt.Close() }
	}
	return r, nil
}

// open executes stmt and wraps its rows.
func (s *Session) open(ctx context.Context, text string, kind Kind, stmt *duckdb.Stmt, args []any) (*Result, error) {
	ctx, cancel := s.statementContext(ctx)
	defer cancel(nil)
	named := make([]driver.NamedValue, len(args))
	for i, a := range args {
		named[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	// The statement's context ends when Open returns; reads go on under
	// the caller's, without its cancellation, until Result.SetContext.
	rows, err := s.query(ctx, context.WithoutCancel(ctx), stmt, kind, named)
	if err != nil {
		return nil, refineReadOnly(convertError(ctx, err, text, 0), s.eng.ReadOnly(), kind)
	}
	st := split.Statement{Text: text}
	r, err := newResult(context.WithoutCancel(ctx), text, st, kind, rows)
	if err != nil {
		rows.Close()
		return nil, err
	}
	return r, nil
}
