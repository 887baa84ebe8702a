package catalog

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/martdb/martdb/sql/split"
)

// ExecScript runs every statement of a family's SQL script (its macros,
// usually embedded from a .sql file) on conn. Errors name the family.
func ExecScript(ctx context.Context, conn *sql.Conn, family, script string) error {
	for _, st := range split.Split(script) {
		if _, err := conn.ExecContext(ctx, st.Text); err != nil {
			return fmt.Errorf("%s: %w", family, err)
		}
	}
	return nil
}
