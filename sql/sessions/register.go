package sessions

import (
	"context"
	_ "embed"

	"github.com/martdb/martdb/sql/catalog"
)

// sessionsSQL holds the sessionize and sessions table macros and their
// helpers.
//
//go:embed sessions.sql
var sessionsSQL string

// register makes the family callable on conn. Everything is a temporary
// macro, so nothing reaches the database file and registering again
// replaces the macros.
func register(ctx context.Context, conn catalog.Conn) error {
	return catalog.ExecScript(ctx, conn.SQL, "sessions", sessionsSQL)
}
