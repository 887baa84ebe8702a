package server

import (
	"context"
	"errors"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/pgdialect"
	"github.com/martdb/martdb/sql/split"
)

// simpleQuery runs a Query message: every statement in it, each with its
// own result, in text format. Several statements sent together outside a
// transaction block run in one implicit transaction, as in PostgreSQL:
// if one fails, the earlier ones are rolled back.
func (c *conn) simpleQuery(text string) {
	parts := split.Split(text)
	stmts := make([]pgdialect.Statement, 0, len(parts))
	for _, p := range parts {
		t, err := pgdialect.Translate(p.Text)
		if err != nil {
			c.sendError(withOffset(err, text, p.Offset, nil))
			return
		}
		stmts = append(stmts, t)
	}
	if len(stmts) == 0 {
		c.be.Send(&pgproto3.EmptyQueryResponse{})
		return
	}
	// A read-only user's statements always run in a (read-only)
	// transaction, so that DuckDB refuses their writes itself.
	implicit := (len(stmts) > 1 || c.readOnlyUser) && c.tx == txIdle && !anyTransactionControl(stmts)
	if implicit {
		if err := c.beginImplicit(); err != nil {
			c.sendError(err)
			return
		}
	}
	for i, t := range stmts {
		if t.Kind == pgdialect.Empty {
			continue
		}
		ctx, done := c.statementContext(parts[i].Text, true)
		err := c.run(ctx, t, nil, 0)
		done(err)
		if err != nil {
			c.sendError(withOffset(err, text, parts[i].Offset, &stmts[i]))
			if implicit {
				c.endImplicit(false)
			}
			return
		}
		if c.flushIfLarge() != nil {
			return
		}
	}
	if implicit {
		if err := c.endImplicit(true); err != nil {
			c.sendError(err)
		}
	}
}

// anyTransactionControl reports whether the statements manage their own
// transaction.
func anyTransactionControl(stmts []pgdialect.Statement) bool {
	for _, t := range stmts {
		switch t.Kind {
		case pgdialect.Begin, pgdialect.Commit, pgdialect.Rollback, pgdialect.Savepoint,
			pgdialect.Release, pgdialect.RollbackTo, pgdialect.SetTransaction:
			return true
		}
	}
	return false
}

// withOffset moves an engine error's position from the statement's text
// (after rewriting, when t is given) to the whole query string the client
// sent, which the statement starts at byte offset off of.
func withOffset(err error, text string, off int, t *pgdialect.Statement) error {
	var ee *engine.Error
	if !errors.As(err, &ee) || ee.Position <= 0 {
		return err
	}
	moved := *ee
	pos := ee.Position
	if t != nil {
		pos = t.MapPosition(pos)
	}
	moved.Position = utf8.RuneCountInString(text[:off]) + pos
	return &moved
}

// run executes one translated statement and sends its result: rows in
// the given formats (nil: text), up to limit rows (0: all), and the
// command tag.
func (c *conn) run(ctx context.Context, t pgdialect.Statement, formats []int16, limit int64) error {
	if t.Kind != pgdialect.Query {
		return c.command(ctx, t)
	}
	if c.tx == txFailed {
		return errInFailedTxn
	}
	p, err := c.sess.Prepare(ctx, t.SQL)
	if err != nil {
		return err
	}
	defer p.Close()
	if err := c.checkStatement(p); err != nil {
		return err
	}
	r, err := p.Open(ctx, nil)
	if err != nil {
		return err
	}
	defer r.Close()
	r.SetContext(ctx)
	c.statements++
	var encs []*encoder
	if r.HasRows() {
		encs = newEncoders(r.Columns(), r.Columns())
		c.be.Send(rowDescription(r.Columns(), encs, formats))
	}
	n, _, err := c.sendRows(r, encs, formats, limit)
	if err != nil {
		return err
	}
	c.be.Send(&pgproto3.CommandComplete{CommandTag: []byte(commandTag(t, r, n))})
	return nil
}

// commandTag is the CommandComplete tag: the engine's for statements that
// count rows (with n, the rows sent, for SELECT), else the tag
// PostgreSQL gives the statement.
func commandTag(t pgdialect.Statement, r *engine.Result, n int64) string {
	switch {
	case r.HasRows() && (r.Kind == engine.KindSelect || r.Kind == engine.KindOther || r.Kind == engine.KindExplain || r.Kind == engine.KindPragma):
		return "SELECT " + itoa(n)
	case r.Kind == engine.KindInsert || r.Kind == engine.KindUpdate || r.Kind == engine.KindDelete || r.Kind == engine.KindCopy:
		return r.Tag()
	case t.Tag != "":
		return t.Tag
	}
	return r.Tag()
}

// checkStatement refuses what a statement DuckDB is about to run may not
// do here: change a setting every session shares (duckset.go), or write
// where writes are refused (checkWritable).
func (c *conn) checkStatement(p *engine.Prepared) error {
	switch p.Kind() {
	case engine.KindSet:
		if err := c.checkDuckSettingSQL(p.Text()); err != nil {
			return err
		}
	case engine.KindPragma:
		if err := c.checkPragma(p.Text()); err != nil {
			return err
		}
	}
	return c.checkWritable(p.Kind())
}

// checkWritable refuses writes in a READ ONLY transaction (the engine
// refuses them on a read-only database by itself).
func (c *conn) checkWritable(k engine.Kind) error {
	if !c.readOnlyTx && !c.settings.readOnlyDefault() {
		return nil
	}
	switch k {
	case engine.KindInsert, engine.KindUpdate, engine.KindDelete, engine.KindCreate,
		engine.KindDrop, engine.KindAlter, engine.KindCopy:
		return engine.Errorf(engine.CodeReadOnlyTransaction, "cannot execute %s in a read-only transaction", k)
	}
	return nil
}
