package experiment

import (
	"context"
	_ "embed"
	"errors"
	"fmt"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/catalog"
)

// experimentSQL holds the macros and their helpers.
//
//go:embed experiment.sql
var experimentSQL string

// register makes the family callable on conn: the Go distribution
// functions, then the macros that call them. Both are session-scoped, so
// nothing reaches the database file; registering again replaces them.
func register(ctx context.Context, conn catalog.Conn) error {
	if conn.SQL == nil {
		return errors.New("experiment: no connection")
	}
	fns, err := udfs()
	if err != nil {
		return fmt.Errorf("experiment: %w", err)
	}
	for _, name := range udfNames {
		if err := duckdb.RegisterScalarUDF(conn.SQL, name, fns[name]); err != nil {
			return fmt.Errorf("experiment: registering %s: %w", name, err)
		}
	}
	return catalog.ExecScript(ctx, conn.SQL, "experiment", experimentSQL)
}
