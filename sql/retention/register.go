package retention

import (
	"context"
	_ "embed"

	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/eventagg"
)

// aggregateSQL holds the macros around the internal mask aggregate: the
// retention(conds) aggregate macro and its helpers.
//
//go:embed aggregate.sql
var aggregateSQL string

// reportSQL holds the retention(...) table macro and its helpers.
//
//go:embed report.sql
var reportSQL string

// register makes the whole family callable on one connection: the
// internal aggregate first (the macros refer to it), then the macros.
func register(ctx context.Context, conn catalog.Conn) error {
	if err := registerShared(ctx, conn); err != nil {
		return err
	}
	return registerSession(ctx, conn)
}

// registerShared registers the internal mask aggregate, which DuckDB
// keeps in the database instance's catalog for every connection of it.
func registerShared(ctx context.Context, conn catalog.Conn) error {
	return eventagg.Register(ctx, conn.SQL, conn.Handle, listSpec)
}

// registerSession creates the temporary macros on conn: the
// retention(conds) aggregate macro, the report and their helpers.
func registerSession(ctx context.Context, conn catalog.Conn) error {
	for _, text := range []string{aggregateSQL, reportSQL} {
		if err := catalog.ExecScript(ctx, conn.SQL, "retention", text); err != nil {
			return err
		}
	}
	return nil
}
