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

// register makes the whole family callable on one connection: the
// aggregate, then the temporary macro around it.
func register(ctx context.Context, conn catalog.Conn) error {
	if err := registerShared(ctx, conn); err != nil {
		return err
	}
	return registerSession(ctx, conn)
}

// registerShared registers the aggregate, which DuckDB keeps in the
// database instance's catalog: a second registration finds it there and
// reuses it.
func registerShared(ctx context.Context, conn catalog.Conn) error {
	return registerAggregate(ctx, conn.SQL, conn.Handle)
}

// registerSession creates the unify_ids temporary macro on conn.
func registerSession(ctx context.Context, conn catalog.Conn) error {
	return catalog.ExecScript(ctx, conn.SQL, "identity", unifySQL)
}
