package server

import (
	"context"
	"errors"

	"github.com/martdb/martdb/engine"
)

// Read-only users (Config.ReadOnlyUsers) and READ ONLY transactions.
//
// A read-only transaction is a DuckDB read-only transaction whenever it is
// known to be one when it begins (BEGIN READ ONLY, default_transaction_read_only,
// and every transaction of a read-only user), so DuckDB itself refuses
// every write, whatever statement attempts it (EXECUTE of a prepared
// INSERT, MERGE, EXPLAIN ANALYZE of an UPDATE...). A read-only user's
// statements outside a transaction block run in such a transaction too.
// The statement-kind check of checkWritable stays as a first, cheaper
// refusal with PostgreSQL's message, and covers SET TRANSACTION READ ONLY
// issued after BEGIN, when DuckDB's transaction has already started.

// applyReadOnlyDefault is SET default_transaction_read_only (and
// transaction_read_only): a read-only user cannot turn it off.
func applyReadOnlyDefault(c *conn, ctx context.Context, v string) (string, error) {
	v, err := applyBool(c, ctx, v)
	if err != nil {
		return "", err
	}
	if v == "off" && c.readOnlyUser {
		return "", errReadOnlyUser(c)
	}
	return v, nil
}

// errReadOnlyUser is the refusal of a read-write transaction to a
// read-only user.
func errReadOnlyUser(c *conn) error {
	return engine.Errorf(engine.CodeReadOnlyTransaction, "user %q is read-only: its transactions cannot be read-write", c.user)
}

// errReadOnlySetting refuses a read-only user a change to one of
// DuckDB's own settings (memory_limit, threads, ...): they are shared by
// every session, and only the PostgreSQL parameters the server keeps per
// connection (TimeZone, DateStyle, search_path...) are theirs to set.
func errReadOnlySetting(c *conn) error {
	return engine.Errorf(engine.CodeInsufficientPrivilege, "user %q is read-only: it cannot change DuckDB's settings", c.user)
}

// beginSQL is the DuckDB statement that begins a transaction.
func beginSQL(readOnly bool) string {
	if readOnly {
		return "BEGIN TRANSACTION READ ONLY"
	}
	return "BEGIN TRANSACTION"
}

// refineReadOnly reports DuckDB's refusal of a write in a read-only
// transaction as 25006. DuckDB raises it as a transaction-context error,
// which the engine maps to 40001; a read-only transaction has no writes
// to conflict over, so in one that code can only be this refusal.
func (c *conn) refineReadOnly(err error) error {
	if err == nil || !c.duckReadOnly {
		return err
	}
	var ee *engine.Error
	if !errors.As(err, &ee) || ee.Code != engine.CodeSerializationFailure {
		return err
	}
	refined := *ee
	refined.Code = engine.CodeReadOnlyTransaction
	return &refined
}
