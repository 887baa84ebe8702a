package server

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/server/pgtypes"
	"github.com/martdb/martdb/sql/pgdialect"
	"github.com/martdb/martdb/sql/pgoid"
)

// portal is a bound statement: its parameters, its result formats and,
// once it runs, its open result, read a batch per Execute.
type portal struct {
	stmt    *statement
	args    []any
	formats []int16
	result  *engine.Result
	cols    []engine.Column // as described to the client, once decided
	encs    []*encoder
	done    bool
}

// bind handles Bind: decode the parameters and create the portal.
func (c *conn) bind(m *pgproto3.Bind) error {
	st, ok := c.stmts[m.PreparedStatement]
	if !ok {
		return engine.Errorf(codeUndefinedPstmt, "prepared statement %q does not exist", m.PreparedStatement)
	}
	if _, exists := c.portals[m.DestinationPortal]; exists && m.DestinationPortal != "" {
		return engine.Errorf(codeDuplicateCursor, "portal %q already exists", m.DestinationPortal)
	}
	if len(m.Parameters) != len(st.paramOIDs) {
		return engine.Errorf(codeProtocolViolation, "bind message supplies %d parameters, but prepared statement %q requires %d",
			len(m.Parameters), m.PreparedStatement, len(st.paramOIDs))
	}
	if n := len(m.ParameterFormatCodes); n > 1 && n != len(m.Parameters) {
		return engine.Errorf(codeProtocolViolation, "bind message has %d parameter formats but %d parameters", n, len(m.Parameters))
	}
	args := make([]any, len(m.Parameters))
	for i, data := range m.Parameters {
		v, err := pgtypes.DecodeParam(data, formatFor(m.ParameterFormatCodes, i), st.paramOID(i))
		if err != nil {
			return paramError(i, err)
		}
		args[i] = v
	}
	c.dropPortal(m.DestinationPortal)
	c.portals[m.DestinationPortal] = &portal{stmt: st, args: args, formats: m.ResultFormatCodes}
	c.be.Send(&pgproto3.BindComplete{})
	return nil
}

// paramOID is the type parameter i is decoded as: as announced, except
// that an unspecified parameter DuckDB knows to be a list reads a
// PostgreSQL array literal ({1,2}) as a text array, whose elements DuckDB
// then casts.
func (st *statement) paramOID(i int) uint32 {
	oid := st.paramOIDs[i]
	if oid == 0 && st.prep != nil {
		if t := st.prep.ParamTypes()[i]; t == "LIST" || t == "ARRAY" {
			return pgoid.ArrayOf(pgoid.Text)
		}
	}
	return oid
}

// paramError names the parameter a decoding error is about.
func paramError(i int, err error) error {
	code := engine.CodeInvalidTextRepr
	if pe, ok := err.(*pgtypes.ParamError); ok && pe.Code != "" {
		code = pe.Code
	}
	return engine.Errorf(code, "parameter $%d: %v", i+1, err)
}

func (c *conn) dropPortal(name string) {
	if p, ok := c.portals[name]; ok {
		if p.result != nil {
			p.result.Close()
		}
		delete(c.portals, name)
	}
}

func (c *conn) dropAllPortals() {
	for name := range c.portals {
		c.dropPortal(name)
	}
}

// portalColumns decides what a portal's rows look like: the statement's
// columns when the client saw them or when they are all known, else the
// columns of an actual execution (which Describe of the portal then
// starts, under ctx; Execute continues it).
func (c *conn) portalColumns(ctx context.Context, p *portal) ([]engine.Column, error) {
	if k := p.stmt.t.Kind; k == pgdialect.Fetch || k == pgdialect.Move {
		return c.fetchColumns(p.stmt.t)
	}
	if !mustRun(p) {
		if p.cols == nil {
			p.cols = p.stmt.cols
		}
		return p.cols, nil
	}
	if err := c.openPortal(ctx, p); err != nil {
		return nil, err
	}
	p.cols = p.result.Columns()
	return p.cols, nil
}

// mustRun reports whether only running the portal tells its columns: the
// client has not seen the statement's description and DuckDB left some
// column types open.
func mustRun(p *portal) bool {
	return p.cols == nil && p.stmt.cols != nil && !p.stmt.described && hasUnknown(p.stmt.cols)
}

// describePortal is portalColumns for Describe, which runs the statement
// when it must, as a statement of its own.
func (c *conn) describePortal(p *portal) ([]engine.Column, error) {
	if !mustRun(p) {
		return c.portalColumns(bg(), p)
	}
	ctx, done := c.statementContext(p.stmt.text, true)
	cols, err := c.portalColumns(ctx, p)
	done(err)
	return cols, err
}

func hasUnknown(cols []engine.Column) bool {
	for _, col := range cols {
		if col.Type == "UNKNOWN" {
			return true
		}
	}
	return false
}

// openPortal runs the portal's statement on DuckDB under ctx, in an
// implicit transaction when it writes outside a transaction block.
func (c *conn) openPortal(ctx context.Context, p *portal) error {
	if c.tx == txFailed {
		return errInFailedTxn
	}
	prep := p.stmt.prep
	if err := c.checkStatement(prep); err != nil {
		return err
	}
	if c.tx == txIdle && !c.implicit && (writes(prep.Kind()) || c.readOnlyUser) {
		if err := c.beginImplicit(); err != nil {
			return err
		}
	}
	r, err := prep.Open(ctx, p.args)
	if err != nil {
		return err
	}
	p.result = r
	c.statements++
	return nil
}

// portalCommand executes a portal whose statement is not a query.
func (c *conn) portalCommand(ctx context.Context, p *portal) error {
	t := p.stmt.t
	switch t.Kind {
	case pgdialect.Show:
		return c.showRows(ctx, t, false)
	case pgdialect.Fetch, pgdialect.Move:
		return c.fetch(ctx, t, p.formats, false)
	}
	return c.command(ctx, t)
}

// writes reports whether statements of kind k change the database.
func writes(k engine.Kind) bool {
	switch k {
	case engine.KindInsert, engine.KindUpdate, engine.KindDelete, engine.KindCreate,
		engine.KindDrop, engine.KindAlter, engine.KindCopy:
		return true
	}
	return false
}

// execute handles Execute: up to MaxRows rows (0: all), then
// PortalSuspended when rows remain, or CommandComplete.
func (c *conn) execute(m *pgproto3.Execute) error {
	p, ok := c.portals[m.Portal]
	if !ok {
		return engine.Errorf(codeInvalidCursorName, "portal %q does not exist", m.Portal)
	}
	t := p.stmt.t
	if p.done {
		c.be.Send(&pgproto3.CommandComplete{CommandTag: []byte(doneTag(t))})
		return nil
	}
	if t.Kind != pgdialect.Query {
		p.done = true
		ctx, done := c.statementContext(p.stmt.text, true)
		err := c.portalCommand(ctx, p)
		done(err)
		return err
	}
	// One statement context spans running the query and sending its
	// rows: a query's rows stream, so reading them runs it, and a cancel
	// or the client going away must reach it then too. The statement is
	// logged when this Execute started it.
	ctx, done := c.statementContext(p.stmt.text, p.result == nil)
	err := c.executeQuery(ctx, p, int64(m.MaxRows))
	done(err)
	return err
}

// executeQuery runs a query portal, if Describe did not, and sends up to
// limit of its rows (0: all).
func (c *conn) executeQuery(ctx context.Context, p *portal, limit int64) error {
	cols, err := c.portalColumns(ctx, p)
	if err != nil {
		return err
	}
	if p.result == nil {
		if err := c.openPortal(ctx, p); err != nil {
			return err
		}
	}
	if p.encs == nil && cols != nil {
		if err := sameShape(cols, p.result.Columns()); err != nil {
			return err
		}
		p.encs = newEncoders(cols, p.result.Columns())
	}
	p.result.SetContext(ctx)
	n, more, err := c.sendRows(p.result, p.encs, p.formats, limit)
	if err != nil {
		return err
	}
	if more {
		c.be.Send(&pgproto3.PortalSuspended{})
		return nil
	}
	p.done = true
	c.be.Send(&pgproto3.CommandComplete{CommandTag: []byte(commandTag(p.stmt.t, p.result, n))})
	p.result.Close()
	return nil
}

// doneTag is the tag of an Execute on a portal already run to the end.
func doneTag(t pgdialect.Statement) string {
	if t.Kind == pgdialect.Query {
		return "SELECT 0"
	}
	return t.Tag
}

// sameShape refuses a result with other columns than the statement was
// described with (DuckDB binds again at execution, and a table function
// may choose its columns from a parameter's value): the client decodes by
// the description, so sending the rows would be wrong or fail on a type.
// PostgreSQL refuses the same way.
func sameShape(described, actual []engine.Column) error {
	if len(described) == len(actual) {
		return nil
	}
	return &engine.Error{
		Code:    engine.CodeFeatureNotSupported,
		Message: "cached plan must not change result type",
		Detail: fmt.Sprintf("the statement was described with %d columns and returned %d; a function whose columns depend on "+
			"an option (such as attribution's model := 'all') needs that option as a constant, not a parameter",
			len(described), len(actual)),
		Hint: "write the option into the statement text",
	}
}
