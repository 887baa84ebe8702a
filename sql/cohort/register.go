package cohort

import (
	"context"
	_ "embed"
	"errors"

	"github.com/martdb/martdb/sql/catalog"
)

// helpersSQL holds the helper macros both reports use.
//
//go:embed helpers.sql
var helpersSQL string

// cohortSQL holds the cohort(...) table macro and its internal table.
//
//go:embed cohort.sql
var cohortSQL string

// lifecycleSQL holds the lifecycle(...) table macro.
//
//go:embed lifecycle.sql
var lifecycleSQL string

// register makes the family callable on conn: the helpers first (the
// reports refer to them), then the reports. Everything is a temporary
// macro, so nothing reaches the database file and registering again
// replaces the macros.
func register(ctx context.Context, conn catalog.Conn) error {
	if conn.SQL == nil {
		return errors.New("cohort: no connection")
	}
	for _, text := range []string{helpersSQL, cohortSQL, lifecycleSQL} {
		if err := catalog.ExecScript(ctx, conn.SQL, "cohort", text); err != nil {
			return err
		}
	}
	return nil
}
