package storage

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
)

// restrictFiles turns DuckDB's external access off for the whole database
// instance, leaving only dirs (and DuckDB's own temporary directory)
// usable by SQL. The order matters: DuckDB accepts allowed_directories
// only while external access is still on, and refuses, once it is off,
// both to turn it on again and to change the allowed directories, so no
// later statement on any connection can widen access.
func restrictFiles(ctx context.Context, db *sql.DB, dirs []string) error {
	list := make([]string, 0, len(dirs))
	for _, d := range dirs {
		abs, err := filepath.Abs(d)
		if err != nil {
			return fmt.Errorf("allowed directory %q: %w", d, err)
		}
		// A trailing separator: DuckDB matches allowed directories as
		// path prefixes, and /data must not allow /data-private.
		list = append(list, QuoteString(strings.TrimSuffix(abs, string(filepath.Separator))+string(filepath.Separator)))
	}
	stmts := []string{
		"SET GLOBAL allowed_directories = [" + strings.Join(list, ", ") + "]::VARCHAR[]",
		"SET GLOBAL enable_external_access = false",
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("restricting file access: %w", err)
		}
	}
	return nil
}
