package identity

import (
	"context"
	_ "embed"

	"github.com/martdb/martdb/sql/catalog"
)

// unifySQL holds the unify_ids table macro.
//
//go:embed unify.sql
var unifySQL string

// register makes the family callable on conn: the aggregate (kept by
// DuckDB in the database instance's catalog: a second session finds it
// there and reuses it), then the temporary macro around it.
func register(ctx context.Context, conn catalog.Conn) error {
	if err := registerAggregate(ctx, conn.SQL, conn.Handle); err != nil {
		return err
	}
	return catalog.ExecScript(ctx, conn.SQL, "identity", unifySQL)
}
