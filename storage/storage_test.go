package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// fixture is the path of a file in the repository's testdata/.
func fixture(name string) string { return filepath.Join("..", "testdata", name) }

// openConn opens an in-memory or file database and one connection.
func openConn(t *testing.T, path string) (*sql.DB, *Conn) {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := NewRaw(c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(); db.Close() })
	return db, &Conn{SQL: c, Raw: raw}
}

func queryInt(t *testing.T, c *Conn, q string) int64 {
	t.Helper()
	var n int64
	if err := c.SQL.QueryRowContext(context.Background(), q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func columnTypes(t *testing.T, c *Conn, table string) string {
	t.Helper()
	rows, err := c.SQL.QueryContext(context.Background(),
		"SELECT column_name || ' ' || data_type FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index", table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var parts []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func TestImportFormats(t *testing.T) {
	const ordersTypes = "order_id BIGINT, customer_id BIGINT, ts TIMESTAMP, amount DOUBLE, items BIGINT"
	gz := gzipFile(t, fixture("orders.csv"), "orders.csv.gz")
	cases := []struct {
		name   string
		files  []string
		format Format
		rows   int64
		types  string
	}{
		{"csv", []string{fixture("orders.csv")}, "", 5, ordersTypes},
		{"json lines", []string{fixture("orders.jsonl")}, "", 5, ""},
		{"gzip by extension", []string{gz}, "", 5, ordersTypes},
		{"glob", []string{filepath.Join(filepath.Dir(gz), "*.csv.gz")}, "", 5, ordersTypes},
		{"two files", []string{fixture("orders.csv"), gz}, "", 10, ordersTypes},
		{"retail zstd", []string{fixture("online_retail_sample.csv.zst")}, "", 1000,
			"InvoiceNo VARCHAR, StockCode VARCHAR, Description VARCHAR, Quantity BIGINT, InvoiceDate TIMESTAMP, UnitPrice DOUBLE, CustomerID DOUBLE, Country VARCHAR"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, c := openConn(t, "")
			n, err := Import(context.Background(), c, ImportOptions{Table: "t", Files: tc.files, Format: tc.format})
			if err != nil {
				t.Fatal(err)
			}
			if n != tc.rows || queryInt(t, c, "SELECT count(*) FROM t") != tc.rows {
				t.Fatalf("imported %d rows, want %d", n, tc.rows)
			}
			if tc.types != "" {
				if got := columnTypes(t, c, "t"); got != tc.types {
					t.Errorf("types\n got %s\nwant %s", got, tc.types)
				}
			}
		})
	}
}

func TestImportAppendsToExistingTable(t *testing.T) {
	_, c := openConn(t, "")
	ctx := context.Background()
	if _, err := c.SQL.ExecContext(ctx, "CREATE TABLE orders (order_id INT, customer_id INT, ts TIMESTAMP, amount DECIMAL(10,2), items INT)"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if _, err := Import(ctx, c, ImportOptions{Table: "orders", Files: []string{fixture("orders.csv")}}); err != nil {
			t.Fatal(err)
		}
	}
	if n := queryInt(t, c, "SELECT count(*) FROM orders"); n != 10 {
		t.Fatalf("%d rows after two appends, want 10", n)
	}
	if got := columnTypes(t, c, "orders"); !strings.Contains(got, "amount DECIMAL(10,2)") {
		t.Errorf("append changed the table's types: %s", got)
	}
}

func TestImportFromStdinDecompresses(t *testing.T) {
	raw, err := os.ReadFile(fixture("orders.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for name, stream := range map[string][]byte{
		"plain": raw,
		"gzip":  gzipBytes(t, raw),
		"zstd":  zstdBytes(t, raw),
	} {
		t.Run(name, func(t *testing.T) {
			_, c := openConn(t, "")
			n, err := Import(context.Background(), c, ImportOptions{Table: "t", Files: []string{"-"}, Stdin: bytes.NewReader(stream)})
			if err != nil || n != 5 {
				t.Fatalf("imported %d rows, err %v", n, err)
			}
		})
	}
	t.Run("json", func(t *testing.T) {
		_, c := openConn(t, "")
		data, _ := os.ReadFile(fixture("orders.jsonl"))
		n, err := Import(context.Background(), c, ImportOptions{Table: "t", Files: []string{"-"}, Stdin: bytes.NewReader(zstdBytes(t, data))})
		if err != nil || n != 5 {
			t.Fatalf("imported %d rows, err %v", n, err)
		}
	})
}

func TestImportFailureLeavesNothing(t *testing.T) {
	_, c := openConn(t, "")
	ctx := context.Background()
	_, err := Import(ctx, c, ImportOptions{Table: "bad", Files: []string{fixture("malformed.csv")}})
	if err == nil {
		t.Fatal("malformed CSV imported without error")
	}
	if n := queryInt(t, c, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'bad'"); n != 0 {
		t.Fatal("failed import left a table behind")
	}
	// Appending a bad file to an existing table adds no row either.
	Import(ctx, c, ImportOptions{Table: "good", Files: []string{fixture("orders.csv")}})
	if _, err := Import(ctx, c, ImportOptions{Table: "good", Files: []string{fixture("malformed.csv")}}); err == nil {
		t.Fatal("appending a malformed file succeeded")
	}
	if n := queryInt(t, c, "SELECT count(*) FROM good"); n != 5 {
		t.Fatalf("failed append left %d rows, want 5", n)
	}
}

func TestImportUserErrors(t *testing.T) {
	_, c := openConn(t, "")
	ctx := context.Background()
	cases := []struct {
		name string
		opt  ImportOptions
		kind error
	}{
		{"missing file", ImportOptions{Table: "t", Files: []string{"/nonexistent/x.csv"}}, ErrNotFound},
		{"no table", ImportOptions{Files: []string{fixture("orders.csv")}}, ErrInvalid},
		{"no files", ImportOptions{Table: "t"}, ErrInvalid},
		{"unknown format", ImportOptions{Table: "t", Files: []string{"../go.mod"}}, ErrInvalid},
		{"stdin without reader", ImportOptions{Table: "t", Files: []string{"-"}}, ErrInvalid},
		{"bad zstd stream", ImportOptions{Table: "t", Files: []string{"-"}, Stdin: bytes.NewReader(append([]byte{0x28, 0xb5, 0x2f, 0xfd}, "garbage"...))}, ErrInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Import(ctx, c, tc.opt)
			if !errors.Is(err, tc.kind) {
				t.Fatalf("got %v, want kind %v", err, tc.kind)
			}
		})
	}
}

func TestExportRoundTrips(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"o.csv", "o.tsv", "o.json", "o.parquet", "o.csv.gz", "o.csv.zst", "o.jsonl.zst"} {
		t.Run(name, func(t *testing.T) {
			_, c := openConn(t, "")
			ctx := context.Background()
			if _, err := Import(ctx, c, ImportOptions{Table: "orders", Files: []string{fixture("orders.csv")}}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, name)
			n, err := Export(ctx, c, ExportOptions{Table: "orders", Path: path})
			if err != nil || n != 5 {
				t.Fatalf("exported %d rows, err %v", n, err)
			}
			if _, err := Import(ctx, c, ImportOptions{Table: "back", Files: []string{path}}); err != nil {
				t.Fatal(err)
			}
			if d := queryInt(t, c, "SELECT count(*) FROM (SELECT order_id, amount FROM orders EXCEPT SELECT order_id, amount FROM back)"); d != 0 {
				t.Fatalf("%d rows differ after the round trip", d)
			}
		})
	}
}

func TestExportToWriterCompresses(t *testing.T) {
	_, c := openConn(t, "")
	ctx := context.Background()
	var plain, zs bytes.Buffer
	if _, err := Export(ctx, c, ExportOptions{Query: "SELECT 1 AS a, 'x' AS b", Path: "-", Stdout: &plain}); err != nil {
		t.Fatal(err)
	}
	if plain.String() != "a,b\n1,x\n" {
		t.Fatalf("stdout CSV = %q", plain.String())
	}
	if _, err := Export(ctx, c, ExportOptions{Query: "SELECT 1 AS a, 'x' AS b", Path: "-", Stdout: &zs, Compression: Zstd}); err != nil {
		t.Fatal(err)
	}
	zr, err := zstd.NewReader(&zs)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(zr); err != nil || out.String() != "a,b\n1,x\n" {
		t.Fatalf("zstd stdout decoded to %q (%v)", out.String(), err)
	}
}

func TestFailedExportLeavesNoFile(t *testing.T) {
	_, c := openConn(t, "")
	path := filepath.Join(t.TempDir(), "out.csv")
	_, err := Export(context.Background(), c, ExportOptions{Query: "SELECT * FROM missing_table", Path: path})
	if err == nil {
		t.Fatal("export of a missing table succeeded")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 0 {
		t.Fatalf("failed export left files: %v", entries)
	}
}

func TestCheckpointOnClose(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	ctx := context.Background()
	db, err := Open(ctx, Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE t AS SELECT range AS a FROM range(100000)"); err != nil {
		t.Fatal(err)
	}
	if err := Close(db, Options{Path: path}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path + ".wal"); err == nil && info.Size() > 0 {
		t.Fatalf("write-ahead log of %d bytes left after a clean close", info.Size())
	}
}

func TestReadOnlyMemoryRefused(t *testing.T) {
	if _, err := Open(context.Background(), Options{ReadOnly: true}); !errors.Is(err, ErrReadOnlyMemory) {
		t.Fatalf("got %v", err)
	}
}

func gzipFile(t *testing.T, src, name string) string {
	t.Helper()
	raw, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, gzipBytes(t, raw), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func gzipBytes(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func zstdBytes(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	w, _ := zstd.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// TestImportReportsProgress would have caught progress tracking left off:
// DuckDB reports no progress unless enable_progress_bar is set.
func TestImportReportsProgress(t *testing.T) {
	_, c := openConn(t, "")
	ctx := context.Background()
	big := filepath.Join(t.TempDir(), "big.csv")
	if _, err := c.SQL.ExecContext(ctx, "COPY (SELECT range AS id, md5(range::VARCHAR) AS h FROM range(3000000)) TO '"+big+"' (HEADER)"); err != nil {
		t.Fatal(err)
	}
	var reports []float64
	_, err := Import(ctx, c, ImportOptions{Table: "big", Files: []string{big}, Progress: func(p float64) { reports = append(reports, p) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) == 0 {
		t.Fatal("no progress reported during a multi-second import")
	}
	for _, p := range reports {
		if p < 0 || p > 100 {
			t.Fatalf("progress %v outside 0..100", p)
		}
	}
	t.Logf("%d progress reports, last %.0f%%", len(reports), reports[len(reports)-1])
}
