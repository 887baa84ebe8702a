package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// TestRestrictFiles: with RestrictFiles, SQL reaches files only under the
// allowed directories, and nothing a statement does widens that.
func TestRestrictFiles(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	allowed := filepath.Join(base, "data")
	private := filepath.Join(base, "data-private") // shares the prefix "data"
	for _, d := range []string{allowed, private} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "a.csv"), []byte("x\n1\n2\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db, err := Open(ctx, Options{Path: filepath.Join(base, "db.duckdb"), RestrictFiles: true, AllowedDirs: []string{allowed}})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ok := []string{
		"CREATE TABLE t AS SELECT * FROM read_csv(" + QuoteString(filepath.Join(allowed, "a.csv")) + ")",
		"COPY t TO " + QuoteString(filepath.Join(allowed, "out.csv")),
		"CREATE TEMP TABLE scratch AS SELECT range AS i FROM range(10)",
		"SET TimeZone = 'Europe/Paris'",
	}
	for _, q := range ok {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
	refused := []string{
		"SELECT * FROM read_csv(" + QuoteString(filepath.Join(private, "a.csv")) + ")",
		"SELECT * FROM read_text('/etc/passwd')",
		"SELECT * FROM glob('/etc/*')",
		"COPY t TO " + QuoteString(filepath.Join(base, "out.csv")),
		"COPY t FROM " + QuoteString(filepath.Join(private, "a.csv")),
		"ATTACH " + QuoteString(filepath.Join(base, "other.duckdb")) + " AS other",
		"EXPORT DATABASE " + QuoteString(filepath.Join(base, "export")),
		"INSTALL httpfs",
		"SET enable_external_access = true",
		"SET GLOBAL allowed_directories = ['/']",
		"SET allowed_paths = ['/etc/passwd']",
		"SET temp_directory = '/tmp/elsewhere'",
	}
	for _, q := range refused {
		if _, err := db.ExecContext(ctx, q); err == nil {
			t.Errorf("%s: ran, want a refusal", q)
		}
	}
	// The reads outside are refused as permission errors (SQLSTATE 42501
	// in the engine's table), not as missing files.
	_, err = db.ExecContext(ctx, "SELECT * FROM read_text('/etc/passwd')")
	var de *duckdb.Error
	if !errors.As(err, &de) || de.Type != duckdb.ErrorTypePermission {
		t.Errorf("read_text('/etc/passwd'): got %v, want a DuckDB permission error", err)
	}
	if _, err := os.Stat(filepath.Join(base, "out.csv")); err == nil {
		t.Error("COPY TO outside the allowed directory wrote a file")
	}
}

// TestUnrestrictedByDefault: without RestrictFiles, files are readable
// (the CLI's imports depend on it).
func TestUnrestrictedByDefault(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	f := filepath.Join(dir, "a.csv")
	if err := os.WriteFile(f, []byte("x\n1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM read_csv("+QuoteString(f)+")").Scan(&n); err != nil || n != 1 {
		t.Fatalf("got %d, %v", n, err)
	}
}
