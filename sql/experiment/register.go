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

// register makes the whole family callable on one connection: the Go
// distribution functions, then the macros that call them.
func register(ctx context.Context, conn catalog.Conn) error {
	if err := registerShared(ctx, conn); err != nil {
		return err
	}
	return registerSession(ctx, conn)
}

// registerShared registers the Go distribution functions. DuckDB keeps
// them in the database instance's system catalog, for every connection
// of it (nothing reaches the database file); registering again replaces
// them.
func registerShared(_ context.Context, conn catalog.Conn) error {
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
	return nil
}

// registerSession creates the macros on conn: temporary macros, so
// nothing reaches the database file and registering again replaces them.
func registerSession(ctx context.Context, conn catalog.Conn) error {
	if conn.SQL == nil {
		return errors.New("experiment: no connection")
	}
	return catalog.ExecScript(ctx, conn.SQL, "experiment", experimentSQL)
}
