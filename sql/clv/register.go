package clv

import (
	"context"
	_ "embed"
	"errors"
	"fmt"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/catalog"
)

// clvSQL holds the table macros and their helpers.
//
//go:embed clv.sql
var clvSQL string

// register makes the whole family callable on one connection: the Go
// functions the macros call, then the macros.
func register(ctx context.Context, conn catalog.Conn) error {
	if err := registerShared(ctx, conn); err != nil {
		return err
	}
	return registerSession(ctx, conn)
}

// registerShared registers the Go functions the macros call (fits and
// predictions). DuckDB keeps them in the database instance's system
// catalog, for every connection of it; registering again replaces them.
func registerShared(_ context.Context, conn catalog.Conn) error {
	if conn.SQL == nil {
		return errors.New("clv: no connection")
	}
	fns, err := udfs()
	if err != nil {
		return fmt.Errorf("clv: %w", err)
	}
	for _, name := range []string{bgnbdFitUDF, ggFitUDF, predictUDF} {
		if err := duckdb.RegisterScalarUDF(conn.SQL, name, fns[name]); err != nil {
			return fmt.Errorf("clv: registering %s: %w", name, err)
		}
	}
	return nil
}

// registerSession creates the table macros and their helpers on conn:
// temporary macros, so nothing reaches the database file and registering
// again replaces them.
func registerSession(ctx context.Context, conn catalog.Conn) error {
	if conn.SQL == nil {
		return errors.New("clv: no connection")
	}
	return catalog.ExecScript(ctx, conn.SQL, "clv", clvSQL)
}
