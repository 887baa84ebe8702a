package engine

import (
	"context"
	"database/sql/driver"
	"strconv"
	"strings"

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

// unknownColumns reports whether DuckDB left the result columns open.
func (p *Prepared) unknownColumns() bool {
	for _, c := range p.cols {
		if c.Type == "UNKNOWN" {
			return true
		}
	}
	return false
}

// probeColumns learns the result columns of a statement whose parameter
// types DuckDB could not infer (it then describes the result as one
// column of unknown type): it prepares copies with each parameter
// replaced by a NULL of a type, and reads the last copy's columns. A
// parameter's type is DuckDB's inference, else the client's hint, else
// VARCHAR where the statement accepts it (PostgreSQL, too, takes an
// untyped parameter as text), else an untyped NULL (which arithmetic
// accepts). If no copy prepares, the columns stay unknown.
func (p *Prepared) probeColumns(ctx context.Context, hints []string) {
	params := split.Params(p.text)
	types := make([]string, len(p.params))
	var open []int // parameters to try as VARCHAR
	for i, t := range p.params {
		switch {
		case t != "UNKNOWN":
			types[i] = t
		case i < len(hints) && hints[i] != "":
			types[i] = hints[i]
		default:
			open = append(open, i)
		}
	}
	for _, i := range open {
		types[i] = "VARCHAR"
		if !p.probe(ctx, params, types, false) {
			types[i] = ""
		}
	}
	p.probe(ctx, params, types, true)
}

// probe prepares the statement with parameters replaced by typed NULLs
// ("" untyped) and reports whether it prepared; keep stores its columns.
func (p *Prepared) probe(ctx context.Context, params []split.Param, types []string, keep bool) bool {
	var b strings.Builder
	last := 0
	for _, prm := range params {
		b.WriteString(p.text[last:prm.Start])
		if prm.N >= 1 && prm.N <= len(types) && types[prm.N-1] != "" {
			b.WriteString("CAST(NULL AS " + types[prm.N-1] + ")")
		} else {
			b.WriteString("NULL")
		}
		last = prm.End
	}
	b.WriteString(p.text[last:])
	stmt, _, err := p.s.prepare(ctx, b.String())
	if err != nil {
		return false
	}
	defer stmt.Close()
	probe := &Prepared{s: p.s, stmt: stmt, kind: p.kind}
	if err := probe.describe(); err != nil || probe.unknownColumns() {
		return false
	}
	if keep {
		p.cols = probe.cols
	}
	return true
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

// guessArgs converts string arguments of parameters whose type DuckDB
// could not infer into numbers where they read as numbers. ok is false
// when nothing changed.
func (p *Prepared) guessArgs(args []any) ([]any, bool) {
	var out []any
	for i, a := range args {
		str, isStr := a.(string)
		if !isStr || i >= len(p.params) || p.params[i] != "UNKNOWN" {
			continue
		}
		var v any
		if n, err := strconv.ParseInt(str, 10, 64); err == nil {
			v = n
		} else if f, err := strconv.ParseFloat(str, 64); err == nil && !strings.ContainsAny(str, "nNiI") {
			v = f
		} else {
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		out[i] = v
	}
	return out, out != nil
}

// open executes stmt and wraps its rows.
func (s *Session) open(ctx context.Context, text string, kind Kind, stmt *duckdb.Stmt, args []any) (*Result, error) {
	ctx, cancel := s.statementContext(ctx)
	defer cancel(nil)
	named := make([]driver.NamedValue, len(args))
	for i, a := range args {
		named[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	rows, err := stmt.QueryContext(ctx, named)
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
