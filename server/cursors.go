package server

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/pgdialect"
)

// cursor is a SQL-level cursor (DECLARE ... CURSOR FOR), as Tableau and
// ODBC drivers use them: an open result read forward a batch per FETCH.
// Cursors are not scrollable (PostgreSQL's NO SCROLL).
type cursor struct {
	prep   *engine.Prepared
	result *engine.Result
	cols   []engine.Column
	hold   bool // WITH HOLD: survives the end of its transaction
}

const codeObjectState = "55000"

// declare opens a cursor. Without WITH HOLD it needs a transaction
// block, as in PostgreSQL.
func (c *conn) declare(ctx context.Context, t pgdialect.Statement) error {
	if c.tx == txIdle && !t.Hold {
		return engine.Errorf(codeNoActiveTransaction, "DECLARE CURSOR can only be used in transaction blocks")
	}
	if _, exists := c.cursors[t.Name]; exists {
		return engine.Errorf(codeDuplicateCursor, "cursor %q already exists", t.Name)
	}
	prep, err := c.sess.Prepare(ctx, t.SQL)
	if err != nil {
		return err
	}
	if prep.Columns() == nil {
		prep.Close()
		return engine.Errorf(engine.CodeSyntaxError, "cursor %q: the query returns no rows", t.Name)
	}
	r, err := prep.Open(ctx, nil)
	if err != nil {
		prep.Close()
		return err
	}
	c.cursors[t.Name] = &cursor{prep: prep, result: r, cols: r.Columns(), hold: t.Hold}
	return nil
}

// fetchColumns are the columns FETCH from a cursor returns, for Describe.
func (c *conn) fetchColumns(t pgdialect.Statement) ([]engine.Column, error) {
	cur, ok := c.cursors[t.Name]
	if !ok {
		return nil, engine.Errorf(codeInvalidCursorName, "cursor %q does not exist", t.Name)
	}
	if t.Kind == pgdialect.Move {
		return nil, nil
	}
	return cur.cols, nil
}

// fetch is FETCH or MOVE forward: up to Count rows (all with ALL), sent
// unless moving, tagged "FETCH n" or "MOVE n".
func (c *conn) fetch(ctx context.Context, t pgdialect.Statement, formats []int16, describe bool) error {
	cur, ok := c.cursors[t.Name]
	if !ok {
		return engine.Errorf(codeInvalidCursorName, "cursor %q does not exist", t.Name)
	}
	cur.result.SetContext(ctx)
	count, err := forwardCount(t)
	if err != nil {
		return err
	}
	verb := "FETCH"
	if t.Kind == pgdialect.Move {
		verb = "MOVE"
	}
	var n int64
	if verb == "MOVE" {
		for (count == 0 || n < count) && cur.result.Next() {
			n++
		}
		if err := cur.result.Err(); err != nil {
			return err
		}
	} else {
		encs := newEncoders(cur.cols, cur.cols)
		if describe {
			c.be.Send(rowDescription(cur.cols, encs, formats))
		}
		if count >= 0 {
			if n, _, err = c.sendRows(cur.result, encs, formats, count); err != nil {
				return err
			}
		}
	}
	c.be.Send(&pgproto3.CommandComplete{CommandTag: []byte(verb + " " + itoa(n))})
	return nil
}

// forwardCount is how many rows a FETCH/MOVE asks for: 0 means all, -1
// none (FETCH 0 re-reads the current row in PostgreSQL; a forward-only
// martdb cursor returns nothing). Backward and absolute moves are refused
// as for a NO SCROLL cursor.
func forwardCount(t pgdialect.Statement) (int64, error) {
	switch strings.ToLower(t.Direction) {
	case "", "next", "forward", "relative":
		switch {
		case t.All:
			return 0, nil
		case t.Count < 0:
			return 0, engine.Errorf(codeObjectState, "cursor can only scan forward").WithHint("Declare it with SCROLL to enable backward scan (martdb does not support SCROLL cursors).")
		case t.Count == 0:
			return -1, nil
		}
		return t.Count, nil
	}
	return 0, engine.Errorf(codeObjectState, "cursor can only scan forward").WithHint("martdb cursors are NO SCROLL: use FETCH NEXT, FETCH n or FETCH ALL.")
}

// closeCursor is CLOSE name or CLOSE ALL.
func (c *conn) closeCursor(t pgdialect.Statement) error {
	if t.All {
		for name := range c.cursors {
			c.dropCursor(name)
		}
		return nil
	}
	if _, ok := c.cursors[t.Name]; !ok {
		return engine.Errorf(codeInvalidCursorName, "cursor %q does not exist", t.Name)
	}
	c.dropCursor(t.Name)
	return nil
}

func (c *conn) dropCursor(name string) {
	if cur, ok := c.cursors[name]; ok {
		cur.result.Close()
		cur.prep.Close()
		delete(c.cursors, name)
	}
}

// endCursors closes the cursors that end with a transaction.
func (c *conn) endCursors() {
	for name, cur := range c.cursors {
		if !cur.hold {
			c.dropCursor(name)
		}
	}
}
