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

// register makes the family callable on conn: the internal aggregate
// first (the macros refer to it), then the macros.
func register(ctx context.Context, conn catalog.Conn) error {
	if err := eventagg.Register(ctx, conn.SQL, conn.Handle, listSpec); err != nil {
		return err
	}
	for _, text := range []string{aggregateSQL, reportSQL} {
		if err := catalog.ExecScript(ctx, conn.SQL, "retention", text); err != nil {
			return err
		}
	}
	return nil
}
