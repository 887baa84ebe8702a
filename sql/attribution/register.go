package attribution

import (
	"context"
	_ "embed"

	"github.com/martdb/martdb/sql/catalog"
)

// attributionSQL holds the attribution table macro and its helpers.
//
//go:embed attribution.sql
var attributionSQL string

// register makes the family callable on conn. Everything is a temporary
// macro, so nothing reaches the database file and registering again
// replaces the macros.
func register(ctx context.Context, conn catalog.Conn) error {
	return catalog.ExecScript(ctx, conn.SQL, "attribution", attributionSQL)
}
