package paths

import (
	"context"
	_ "embed"

	"github.com/martdb/martdb/sql/catalog"
)

// pathsSQL holds the paths table macro and its helpers.
//
//go:embed paths.sql
var pathsSQL string

// nextStepsSQL holds the next_steps table macro (it uses paths' helpers).
//
//go:embed next_steps.sql
var nextStepsSQL string

// nextNodeSQL holds the sequence_next_node macro and its helpers.
//
//go:embed next_node.sql
var nextNodeSQL string

// register makes the family callable on conn. Everything is a temporary
// macro, so nothing reaches the database file and registering again
// replaces the macros.
func register(ctx context.Context, conn catalog.Conn) error {
	if err := catalog.ExecScript(ctx, conn.SQL, "paths", pathsSQL); err != nil {
		return err
	}
	if err := catalog.ExecScript(ctx, conn.SQL, "paths", nextStepsSQL); err != nil {
		return err
	}
	return catalog.ExecScript(ctx, conn.SQL, "paths", nextNodeSQL)
}
