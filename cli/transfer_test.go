package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportThenQuery(t *testing.T) {
	db := filepath.Join(t.TempDir(), "retail.db")
	r := run(t, "", "import", db, "online_retail", fixture("online_retail_sample.csv.zst"))
	if r.code != 0 || !strings.Contains(r.stderr, "imported 1000 rows into online_retail") {
		t.Fatalf("import: exit %d stderr %q", r.code, r.stderr)
	}
	r = run(t, "", db, "-c", "SELECT count(*) AS n, count(*) FILTER (WHERE InvoiceNo LIKE 'C%') AS cancelled FROM online_retail")
	if r.stdout != "n,cancelled\n1000,10\n" {
		t.Fatalf("count after import: %q %s", r.stdout, r.stderr)
	}
}

func TestImportFromStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	csv, _ := os.ReadFile(fixture("orders.csv"))
	if r := run(t, string(csv), "import", db, "orders", "-"); r.code != 0 {
		t.Fatalf("import from stdin: %s", r.stderr)
	}
	if r := run(t, "", db, "-c", "SELECT sum(items) AS items FROM orders"); r.stdout != "items\n12\n" {
		t.Fatalf("after stdin import: %q %s", r.stdout, r.stderr)
	}
}

func TestImportErrorsLeaveNoTable(t *testing.T) {
	db := filepath.Join(t.TempDir(), "e.db")
	cases := []struct {
		file, want string
	}{
		{"/nonexistent/data.csv", "ERROR: import: file not found: /nonexistent/data.csv (SQLSTATE 58P01)"},
		{fixture("malformed.csv"), "(SQLSTATE 22023)"},
	}
	for _, c := range cases {
		r := run(t, "", "import", db, "t", c.file)
		if r.code != 1 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("import %s: exit %d stderr %q, want %q", c.file, r.code, r.stderr, c.want)
		}
		if strings.Count(r.stderr, "ERROR:") != 1 {
			t.Errorf("import %s: want one ERROR line, got %q", c.file, r.stderr)
		}
	}
	r := run(t, "", db, "-c", "SELECT count(*) AS tables FROM duckdb_tables()")
	if r.stdout != "tables\n0\n" {
		t.Fatalf("failed imports left tables: %q %s", r.stdout, r.stderr)
	}
}

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if r := run(t, "", "import", db, "orders", fixture("orders.csv")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	out := filepath.Join(dir, "orders.parquet")
	if r := run(t, "", "export", db, "orders", out); r.code != 0 || !strings.Contains(r.stderr, "exported 5 rows") {
		t.Fatalf("export table: %d %s", r.code, r.stderr)
	}
	if r := run(t, "", "-c", "SELECT count(*) AS n FROM '"+out+"'"); r.stdout != "n\n5\n" {
		t.Fatalf("exported parquet: %q %s", r.stdout, r.stderr)
	}
	r := run(t, "", "export", db, "--query", "SELECT order_id FROM orders WHERE amount > 40 ORDER BY 1", "-")
	if r.code != 0 || r.stdout != "order_id\n3\n5\n" {
		t.Fatalf("export query to stdout: %q %s", r.stdout, r.stderr)
	}
	if r := run(t, "", "export", db, "missing_table", filepath.Join(dir, "m.csv")); r.code != 1 || !strings.Contains(r.stderr, "42P01") {
		t.Fatalf("export of a missing table: %d %s", r.code, r.stderr)
	}
}

// TestOnlineRetailFull imports the whole real dataset when ../shared is
// present, as the README's tour does.
func TestOnlineRetailFull(t *testing.T) {
	src := filepath.Join("..", "..", "shared", "datasets", "online_retail.csv.zst")
	if _, err := os.Stat(src); err != nil {
		t.Skip("../shared/datasets is not present")
	}
	db := filepath.Join(t.TempDir(), "retail.db")
	if r := run(t, "", "import", db, "online_retail", src); r.code != 0 || !strings.Contains(r.stderr, "imported 541909 rows") {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	r := run(t, "", db, "-c", "SELECT count(*) FROM online_retail")
	if r.stdout != "count_star()\n541909\n" {
		t.Fatalf("count: %q %s", r.stdout, r.stderr)
	}
	r = run(t, "", db, "-c", `SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY column_index) AS cols
		FROM duckdb_columns() WHERE table_name = 'online_retail'`)
	want := "InvoiceNo VARCHAR, StockCode VARCHAR, Description VARCHAR, Quantity BIGINT, InvoiceDate TIMESTAMP, UnitPrice DOUBLE, CustomerID DOUBLE, Country VARCHAR"
	if !strings.Contains(r.stdout, want) {
		t.Fatalf("types: %q", r.stdout)
	}
	r = run(t, "", db, "-c", "SELECT count(*) FILTER (WHERE CustomerID IS NULL) AS no_id FROM online_retail")
	if r.stdout != "no_id\n135080\n" {
		t.Fatalf("rows without customer id: %q", r.stdout)
	}
}
