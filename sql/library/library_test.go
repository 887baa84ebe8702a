package library

import (
	"context"
	"database/sql"
	"flag"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/benchmarks/datagen"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/storage"
)

var update = flag.Bool("update", false, "rewrite the function reference in README.md")

// TestEveryExampleRuns registers the whole library on a demo shop and runs
// every catalog entry's example: the examples are documentation, and
// documentation that fails is a bug.
func TestEveryExampleRuns(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := datagen.Generate(ctx, conn, datagen.Config{Scale: 0.2, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	raw, err := storage.NewRaw(conn)
	if err != nil {
		t.Fatal(err)
	}
	if err := Register(ctx, catalog.Conn{SQL: conn, Handle: raw.Handle()}); err != nil {
		t.Fatal(err)
	}
	for _, f := range Functions() {
		if f.Example == "" || f.Signature == "" || f.Description == "" {
			t.Errorf("%s: incomplete catalog entry %+v", f.Name, f)
			continue
		}
		rows, err := conn.QueryContext(ctx, f.Example)
		if err != nil {
			t.Errorf("%s: example fails: %v\n%s", f.Name, err, f.Example)
			continue
		}
		n := 0
		for rows.Next() {
			n++
		}
		rows.Close()
		if n == 0 {
			t.Errorf("%s: example returns no rows on the demo shop", f.Name)
		}
	}
}

// TestReadmeReferenceIsCurrent fails when README.md's function reference
// differs from the catalog; run with -update to regenerate it.
func TestReadmeReferenceIsCurrent(t *testing.T) {
	path := filepath.Join("..", "..", "README.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, ok := ReplaceReference(string(doc))
	if !ok {
		t.Fatalf("README.md has no function reference markers (%s ... %s)", ReferenceBegin, ReferenceEnd)
	}
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want != string(doc) {
		t.Fatal("README.md's function reference is out of date: run go test ./sql/library -update")
	}
}
