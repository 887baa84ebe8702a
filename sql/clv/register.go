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

// register makes the family callable on conn: the Go functions the
// macros call (fits and predictions), then the macros. Both are
// session-scoped, so nothing reaches the database file; registering
// again, on the same or another connection of the database, replaces
// them (the engine registers one session at a time).
func register(ctx context.Context, conn catalog.Conn) error {
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
	return catalog.ExecScript(ctx, conn.SQL, "clv", clvSQL)
}
