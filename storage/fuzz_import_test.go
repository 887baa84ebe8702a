package storage

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// importKinds are the file names FuzzImport writes its input under: the
// extension picks the format and the compression Import expects.
var importKinds = []string{"in.csv", "in.tsv", "in.json", "in.jsonl", "in.parquet", "in.csv.gz", "in.csv.zst", "in.json.zst"}

// FuzzImport feeds arbitrary bytes to Import as every format and
// compression it reads, as they are and, for the compressed kinds, also
// validly compressed. Import must never crash or hang: it loads a table
// or fails with an error, leaves no table behind when it fails, and the
// connection stays usable (DuckDB invalidates a database after an
// internal error, which would show here).
func FuzzImport(f *testing.F) {
	f.Add(uint8(0), false, []byte("a,b\n1,x\n2,y\n"))
	f.Add(uint8(0), false, []byte("a,b\n1,x,extra\n\"open quote\n"))
	f.Add(uint8(1), false, []byte("a\tb\n1\t2\n"))
	f.Add(uint8(2), false, []byte(`[{"a": 1}, {"a": "x", "b": [1, 2]}]`))
	f.Add(uint8(3), false, []byte("{\"a\": 1}\n{\"a\": \n"))
	f.Add(uint8(4), false, []byte("PAR1\x00\x00\x00\x00PAR1"))
	f.Add(uint8(5), true, []byte("a\n1\n"))
	f.Add(uint8(6), true, []byte("a\n\xff\xfe\n"))
	f.Add(uint8(6), false, []byte("\x28\xb5\x2f\xfd garbage"))
	f.Add(uint8(7), true, []byte(`{"a": 1e999}`))
	if b, err := os.ReadFile(fixture("online_retail_sample.csv.zst")); err == nil {
		f.Add(uint8(6), false, b[:len(b)/2]) // a truncated zstd stream
	}
	ctx := context.Background()
	db, err := Open(ctx, Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	f.Fuzz(func(t *testing.T, kind uint8, compress bool, data []byte) {
		name := importKinds[int(kind)%len(importKinds)]
		if compress {
			data = compressFor(t, name, data)
		}
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		raw, err := NewRaw(conn)
		if err != nil {
			t.Fatal(err)
		}
		c := &Conn{SQL: conn, Raw: raw}
		qctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		n, err := Import(qctx, c, ImportOptions{Table: "fuzzed", Files: []string{path}})
		if qctx.Err() != nil {
			t.Fatalf("Import of %d bytes as %s did not finish in 20 s", len(data), name)
		}
		var exists int
		if qerr := conn.QueryRowContext(ctx, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'fuzzed'").Scan(&exists); qerr != nil {
			t.Fatalf("the connection broke after importing %s: %v (import: %v)", name, qerr, err)
		}
		if err != nil {
			checkImportError(t, name, err)
			if exists != 0 {
				t.Fatalf("a failed import of %s left a table (error: %v)", name, err)
			}
			return
		}
		var rows int64
		if qerr := conn.QueryRowContext(ctx, "SELECT count(*) FROM fuzzed").Scan(&rows); qerr != nil || rows != n {
			t.Fatalf("import of %s reported %d rows, the table has %d (%v)", name, n, rows, qerr)
		}
		if _, err := conn.ExecContext(ctx, "DROP TABLE fuzzed"); err != nil {
			t.Fatal(err)
		}
	})
}

// checkImportError fails on an error that is not a user error: DuckDB's
// internal and fatal errors mean a bug, not bad input.
func checkImportError(t *testing.T, name string, err error) {
	var de *duckdb.Error
	if errors.As(err, &de) && (de.Type == duckdb.ErrorTypeInternal || de.Type == duckdb.ErrorTypeFatal) {
		t.Fatalf("importing %s: DuckDB internal error: %v", name, err)
	}
}

// compressFor compresses data as name's extension says.
func compressFor(t *testing.T, name string, data []byte) []byte {
	var buf bytes.Buffer
	switch filepath.Ext(name) {
	case ".gz":
		w := gzip.NewWriter(&buf)
		w.Write(data)
		w.Close()
	case ".zst":
		w, err := zstd.NewWriter(&buf)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
		w.Close()
	default:
		return data
	}
	return buf.Bytes()
}
