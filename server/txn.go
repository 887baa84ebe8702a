package server

import (
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/pgdialect"
)

// savepoint is a SAVEPOINT in the open transaction. DuckDB has no
// savepoints, so martdb keeps the names and how many statements had run
// when each was set: rolling back to one is possible only when nothing
// ran since.
type savepoint struct {
	name string
	mark int
}

const (
	codeNoSuchSavepoint = "3B001"
)

func (c *conn) begin(t pgdialect.Statement) error {
	if c.tx != txIdle {
		c.be.Send(notice("WARNING", codeActiveTransaction, "there is already a transaction in progress"))
		return nil
	}
	readOnly := c.settings.readOnlyDefault()
	if t.ReadOnly != nil {
		if !*t.ReadOnly && c.readOnlyUser {
			return errReadOnlyUser(c)
		}
		readOnly = *t.ReadOnly
	}
	if c.implicit {
		// BEGIN inside an extended-protocol batch turns the implicit
		// transaction into a block.
		c.implicit = false
	} else {
		if err := c.execSilently(bg(), beginSQL(readOnly)); err != nil {
			return err
		}
		c.duckReadOnly = readOnly
	}
	c.tx = txActive
	c.statements = 0
	c.readOnlyTx = readOnly
	return nil
}

// commit ends the transaction block; a failed block is rolled back and
// reports ROLLBACK, as PostgreSQL does.
func (c *conn) commit() (string, error) {
	switch c.tx {
	case txIdle:
		c.be.Send(notice("WARNING", codeNoActiveTransaction, "there is no transaction in progress"))
		return "COMMIT", nil
	case txFailed:
		return "ROLLBACK", c.endTransaction("ROLLBACK")
	}
	return "COMMIT", c.endTransaction("COMMIT")
}

func (c *conn) rollback() error {
	if c.tx == txIdle {
		c.be.Send(notice("WARNING", codeNoActiveTransaction, "there is no transaction in progress"))
		return nil
	}
	return c.endTransaction("ROLLBACK")
}

// endTransaction runs COMMIT or ROLLBACK on DuckDB and leaves the block;
// the block ends even when DuckDB refuses the commit (it has then rolled
// back). The portals and the cursors without HOLD end with it, and are
// closed first: a result still streaming when DuckDB runs the COMMIT
// would be read to its end into memory (engine's settle). A WITH HOLD
// cursor is read so, as PostgreSQL materialises it at commit.
func (c *conn) endTransaction(sql string) error {
	c.dropAllPortals()
	c.endCursors()
	err := c.execSilently(bg(), sql)
	c.tx = txIdle
	c.implicit = false
	c.readOnlyTx = false
	c.duckReadOnly = false
	c.savepoints = nil
	return err
}

func (c *conn) savepoint(name string) error {
	if c.tx == txIdle {
		return engine.Errorf(codeNoActiveTransaction, "SAVEPOINT can only be used in transaction blocks")
	}
	c.savepoints = append(c.savepoints, savepoint{name: name, mark: c.statements})
	return nil
}

// findSavepoint is the index of the newest savepoint called name.
func (c *conn) findSavepoint(name string) (int, error) {
	for i := len(c.savepoints) - 1; i >= 0; i-- {
		if c.savepoints[i].name == name {
			return i, nil
		}
	}
	if c.tx == txIdle {
		return 0, engine.Errorf(codeNoActiveTransaction, "RELEASE SAVEPOINT can only be used in transaction blocks")
	}
	return 0, engine.Errorf(codeNoSuchSavepoint, "savepoint %q does not exist", name)
}

func (c *conn) release(name string) error {
	i, err := c.findSavepoint(name)
	if err != nil {
		return err
	}
	c.savepoints = c.savepoints[:i]
	return nil
}

// rollbackTo undoes nothing: it succeeds when no statement ran since the
// savepoint, and otherwise says plainly that martdb cannot undo part of
// a transaction, leaving the block failed so the client rolls back.
func (c *conn) rollbackTo(name string) error {
	i, err := c.findSavepoint(name)
	if err != nil {
		return err
	}
	if c.tx == txActive && c.statements == c.savepoints[i].mark {
		c.savepoints = c.savepoints[:i+1]
		return nil
	}
	c.tx = txFailed
	return engine.Errorf(codeFeatureNotSupported, "cannot roll back to savepoint %q: martdb cannot undo part of a transaction", name).
		WithHint("Roll back the whole transaction with ROLLBACK.")
}

// setTransaction is SET TRANSACTION inside a block, or SET SESSION
// CHARACTERISTICS AS TRANSACTION (and SET TRANSACTION outside a block,
// which PostgreSQL accepts with a warning and forgets).
func (c *conn) setTransaction(t pgdialect.Statement) error {
	if t.ReadOnly == nil {
		return nil
	}
	value := "off"
	if *t.ReadOnly {
		value = "on"
	}
	if t.Session {
		return c.settings.set(bg(), "default_transaction_read_only", value, true)
	}
	if c.tx == txIdle {
		c.be.Send(notice("WARNING", codeNoActiveTransaction, "SET TRANSACTION can only be used in transaction blocks"))
		return nil
	}
	if !*t.ReadOnly && c.readOnlyUser {
		return errReadOnlyUser(c)
	}
	if c.statements > 0 && *t.ReadOnly != c.readOnlyTx {
		return engine.Errorf("25001", "SET TRANSACTION must be called before any query")
	}
	c.readOnlyTx = *t.ReadOnly
	return nil
}

// beginImplicit opens the transaction that makes a multi-statement
// Query or an extended-protocol batch atomic.
func (c *conn) beginImplicit() error {
	readOnly := c.settings.readOnlyDefault()
	if err := c.execSilently(bg(), beginSQL(readOnly)); err != nil {
		return err
	}
	c.implicit = true
	c.duckReadOnly = readOnly
	return nil
}

// endImplicit commits (ok) or rolls back the implicit transaction.
func (c *conn) endImplicit(ok bool) error {
	if !c.implicit {
		return nil
	}
	sql := "COMMIT"
	if !ok {
		sql = "ROLLBACK"
	}
	return c.endTransaction(sql)
}
