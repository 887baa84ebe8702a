package engine

import (
	"context"
	"database/sql"
)

// RegisterFunctions runs fn with the session's connection to register
// functions through duckdb-go, one session at a time across the engine:
// DuckDB fails when two connections create functions at once, and the
// engine registers its own library under the same lock. Functions
// registered through the driver live in the database instance's catalog,
// so they are visible to every session, not only this one; per-session
// objects belong in temporary macros. Errors are converted like any
// statement's.
func (s *Session) RegisterFunctions(ctx context.Context, fn func(*sql.Conn) error) error {
	s.eng.registerMu.Lock()
	defer s.eng.registerMu.Unlock()
	if err := fn(s.conn); err != nil {
		return convertError(ctx, err, "", 0)
	}
	return nil
}
