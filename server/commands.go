package server

import (
	"context"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/pgdialect"
)

// command runs a statement the server handles itself rather than
// DuckDB: transaction control, settings, and the session commands.
func (c *conn) command(ctx context.Context, t pgdialect.Statement) error {
	if c.tx == txFailed && !allowedWhenFailed(t.Kind) {
		return errInFailedTxn
	}
	var err error
	tag := t.Tag
	switch t.Kind {
	case pgdialect.Empty:
		c.be.Send(&pgproto3.EmptyQueryResponse{})
		return nil
	case pgdialect.Begin:
		err = c.begin(t)
	case pgdialect.Commit:
		tag, err = c.commit()
	case pgdialect.Rollback:
		err = c.rollback()
	case pgdialect.Savepoint:
		err = c.savepoint(t.Name)
	case pgdialect.Release:
		err = c.release(t.Name)
	case pgdialect.RollbackTo:
		err = c.rollbackTo(t.Name)
	case pgdialect.SetTransaction:
		err = c.setTransaction(t)
	case pgdialect.Set:
		err = c.set(ctx, t)
	case pgdialect.Reset:
		err = c.reset(ctx, t)
	case pgdialect.Show:
		return c.showRows(ctx, t, true)
	case pgdialect.Discard:
		err = c.discardAll()
	case pgdialect.Deallocate:
		err = c.deallocate(t)
	case pgdialect.DeclareCursor:
		err = c.declare(ctx, t)
	case pgdialect.Fetch, pgdialect.Move:
		return c.fetch(ctx, t, nil, true)
	case pgdialect.CloseCursor:
		err = c.closeCursor(t)
	case pgdialect.Copy:
		return c.copyStatement(ctx, t.Copy)
	case pgdialect.Listen, pgdialect.Notify, pgdialect.Unlisten:
		c.be.Send(notice("WARNING", codeFeatureNotSupported, "martdb does not deliver notifications; "+tag+" has no effect"))
	default:
		return engine.Errorf(codeFeatureNotSupported, "%s is not supported by martdb yet", tag)
	}
	if err != nil {
		return err
	}
	c.be.Send(&pgproto3.CommandComplete{CommandTag: []byte(tag)})
	return nil
}

// allowedWhenFailed is what a failed transaction block still accepts.
func allowedWhenFailed(k pgdialect.Kind) bool {
	switch k {
	case pgdialect.Commit, pgdialect.Rollback, pgdialect.RollbackTo, pgdialect.Empty:
		return true
	}
	return false
}

func (c *conn) set(ctx context.Context, t pgdialect.Statement) error {
	value := t.Value
	if t.Default {
		value = c.defaultValue(t.Name)
	}
	return c.settings.set(ctx, t.Name, value, true)
}

func (c *conn) reset(ctx context.Context, t pgdialect.Statement) error {
	if t.All || t.Name == "all" {
		for _, st := range c.settings.all() {
			if !st.readOnly {
				if err := c.settings.set(ctx, st.name, c.defaultValue(st.name), true); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return c.settings.set(ctx, t.Name, c.defaultValue(t.Name), true)
}

// defaultValue is a parameter's value at connection start.
func (c *conn) defaultValue(name string) string {
	fresh := newSettings(c)
	if st, ok := fresh.get(name); ok {
		return st.value
	}
	return ""
}

// showRows answers SHOW name (one text column named after the parameter)
// and SHOW ALL (name, setting, description), with a RowDescription first
// unless a Describe already sent it. Parameters the server does not keep
// are DuckDB's.
func (c *conn) showRows(ctx context.Context, t pgdialect.Statement, describe bool) error {
	var rows [][][]byte
	if t.All || t.Name == "all" {
		for _, st := range c.settings.all() {
			rows = append(rows, [][]byte{[]byte(st.name), []byte(st.value), []byte("")})
		}
	} else {
		value := ""
		if st, ok := c.settings.get(t.Name); ok {
			value = st.value
		} else {
			v, err := c.duckSetting(ctx, t.Name)
			if err != nil {
				return engine.Errorf(codeUndefinedObject, "unrecognized configuration parameter %q", t.Name)
			}
			value = v
		}
		rows = append(rows, [][]byte{[]byte(value)})
	}
	if describe {
		cols := c.showColumns(t)
		c.be.Send(rowDescription(cols, newEncoders(cols, cols), nil))
	}
	for _, r := range rows {
		c.be.Send(&pgproto3.DataRow{Values: r})
	}
	c.be.Send(&pgproto3.CommandComplete{CommandTag: []byte("SHOW")})
	return nil
}

// duckSetting reads one of DuckDB's settings as text.
func (c *conn) duckSetting(ctx context.Context, name string) (string, error) {
	p, err := c.sess.Prepare(ctx, "SELECT current_setting("+quoteLiteral(name)+")::VARCHAR")
	if err != nil {
		return "", err
	}
	defer p.Close()
	r, err := p.Open(ctx, nil)
	if err != nil {
		return "", err
	}
	defer r.Close()
	if !r.Next() {
		return "", r.Err()
	}
	if v, ok := r.Values()[0].(string); ok {
		return v, nil
	}
	return "", nil
}

// discardAll is DISCARD ALL: close every portal, statement and cursor
// and reset the settings. Like PostgreSQL, it refuses to run inside a
// transaction block.
func (c *conn) discardAll() error {
	if c.tx != txIdle {
		return engine.Errorf(codeActiveTransaction, "DISCARD ALL cannot run inside a transaction block")
	}
	c.dropAll()
	return c.reset(context.Background(), pgdialect.Statement{Kind: pgdialect.Reset, All: true})
}

func (c *conn) deallocate(t pgdialect.Statement) error {
	if t.All {
		for name := range c.stmts {
			if name != "" {
				c.dropStatement(name)
			}
		}
		return nil
	}
	if _, ok := c.stmts[t.Name]; !ok {
		return engine.Errorf(codeUndefinedPstmt, "prepared statement %q does not exist", t.Name)
	}
	c.dropStatement(t.Name)
	return nil
}

// execSilently runs SQL on the session and discards its result.
func (c *conn) execSilently(ctx context.Context, sql string) error {
	return c.sess.Exec(ctx, sql, func(*engine.Result) error { return nil })
}
