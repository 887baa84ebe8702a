package basket

import (
	"context"
	_ "embed"

	"github.com/martdb/martdb/sql/catalog"
)

// basketSQL holds the basket_rules table macro and its helpers.
//
//go:embed basket.sql
var basketSQL string

// register makes the family callable on conn. Everything is a temporary
// macro, so nothing reaches the database file and registering again
// replaces the macros.
func register(ctx context.Context, conn catalog.Conn) error {
	return catalog.ExecScript(ctx, conn.SQL, "basket", basketSQL)
}
