package server

import (
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/server/pgtypes"
	"github.com/martdb/martdb/sql/pgdialect"
	"github.com/martdb/martdb/sql/split"
)

// statement is a prepared statement of the extended query protocol.
type statement struct {
	t         pgdialect.Statement
	text      string           // as the client sent it (pg_stat_activity shows it)
	prep      *engine.Prepared // nil unless t.Kind is Query
	paramOIDs []uint32         // as announced: declared by the client, else inferred
	cols      []engine.Column  // result columns; nil when the statement returns none
	described bool             // the client has seen cols (Describe of the statement)
}

// parse handles Parse: translate, prepare on DuckDB, infer parameter types.
func (c *conn) parse(m *pgproto3.Parse) error {
	if _, exists := c.stmts[m.Name]; exists && m.Name != "" {
		return engine.Errorf(codeDuplicatePstmt, "prepared statement %q already exists", m.Name)
	}
	parts := split.Split(m.Query)
	if len(parts) > 1 {
		return engine.Errorf(engine.CodeSyntaxError, "cannot insert multiple commands into a prepared statement")
	}
	t := pgdialect.Statement{Kind: pgdialect.Empty}
	if len(parts) == 1 {
		var err error
		if t, err = pgdialect.Translate(parts[0].Text); err != nil {
			return withOffset(err, m.Query, parts[0].Offset, nil)
		}
	}
	st := &statement{t: t, text: m.Query}
	switch t.Kind {
	case pgdialect.Query:
		if c.tx == txFailed {
			return errInFailedTxn
		}
		hints := make([]string, len(m.ParameterOIDs))
		for i, oid := range m.ParameterOIDs {
			hints[i] = pgtypes.DuckDBType(oid)
		}
		ctx, done := c.statementContext(m.Query, false)
		prep, err := c.sess.PrepareHinted(ctx, t.SQL, hints)
		done(err)
		if err != nil {
			return withOffset(err, m.Query, parts[0].Offset, &t)
		}
		st.prep, st.cols = prep, prep.Columns()
		for i, typ := range prep.ParamTypes() {
			oid := pgtypes.ParamOID(typ)
			if i < len(m.ParameterOIDs) && m.ParameterOIDs[i] != 0 {
				oid = m.ParameterOIDs[i]
			}
			st.paramOIDs = append(st.paramOIDs, oid)
		}
	case pgdialect.Show:
		st.cols = c.showColumns(t)
	case pgdialect.Fetch:
		st.cols, _ = c.fetchColumns(t) // an unknown cursor fails at Execute

	}
	c.dropStatement(m.Name)
	c.stmts[m.Name] = st
	c.be.Send(&pgproto3.ParseComplete{})
	return nil
}

// showColumns are the columns of SHOW name (one, named after the
// parameter) or SHOW ALL.
func (c *conn) showColumns(t pgdialect.Statement) []engine.Column {
	if t.All || t.Name == "all" {
		return []engine.Column{{Name: "name", Type: "VARCHAR"}, {Name: "setting", Type: "VARCHAR"}, {Name: "description", Type: "VARCHAR"}}
	}
	name := t.Name
	if st, ok := c.settings.get(t.Name); ok {
		name = st.name
	}
	return []engine.Column{{Name: name, Type: "VARCHAR"}}
}

func (c *conn) dropStatement(name string) {
	if st, ok := c.stmts[name]; ok {
		if st.prep != nil {
			st.prep.Close()
		}
		delete(c.stmts, name)
	}
}

// describe handles Describe of a statement or a portal.
func (c *conn) describe(m *pgproto3.Describe) error {
	if m.ObjectType == 'S' {
		st, ok := c.stmts[m.Name]
		if !ok {
			return engine.Errorf(codeUndefinedPstmt, "prepared statement %q does not exist", m.Name)
		}
		c.be.Send(&pgproto3.ParameterDescription{ParameterOIDs: st.paramOIDs})
		st.described = true
		c.sendDescription(st.cols, nil)
		return nil
	}
	p, ok := c.portals[m.Name]
	if !ok {
		// A SQL cursor is a portal too: psycopg describes what it
		// declared this way.
		if cur, isCursor := c.cursors[m.Name]; isCursor {
			c.sendDescription(cur.cols, nil)
			return nil
		}
		return engine.Errorf(codeInvalidCursorName, "portal %q does not exist", m.Name)
	}
	cols, err := c.describePortal(p)
	if err != nil {
		return err
	}
	c.sendDescription(cols, p.formats)
	return nil
}

// sendDescription sends RowDescription for cols, or NoData.
func (c *conn) sendDescription(cols []engine.Column, formats []int16) {
	if cols == nil {
		c.be.Send(&pgproto3.NoData{})
		return
	}
	c.be.Send(rowDescription(cols, newEncoders(cols, cols), formats))
}

// closeTarget handles Close of a statement or portal; closing what does
// not exist is not an error.
func (c *conn) closeTarget(m *pgproto3.Close) error {
	if m.ObjectType == 'S' {
		c.dropStatement(m.Name)
	} else {
		c.dropPortal(m.Name)
	}
	c.be.Send(&pgproto3.CloseComplete{})
	return nil
}

// sync ends an extended-protocol batch: an implicit transaction commits
// (or rolls back after an error), and outside a transaction block every
// portal closes, as at the end of a PostgreSQL transaction.
func (c *conn) sync() {
	failed := c.skipToSync
	c.skipToSync = false
	if c.implicit {
		if err := c.endImplicit(!failed); err != nil {
			c.be.Send(errorResponse(err, "ERROR"))
		}
	}
	if c.tx == txIdle {
		c.dropAllPortals()
	}
}
