package clv

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/sqltest"
	"github.com/martdb/martdb/storage"
)

// TestCatalogEntries checks the entries' fields and runs their examples
// on a small demo shop: each must succeed and return rows.
func TestCatalogEntries(t *testing.T) {
	conn := sqltest.Open(t, Family)
	if _, err := datagen.Generate(context.Background(), conn, datagen.Config{Scale: 0.2, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	if Family.Name != "clv" || len(Family.Functions) != 3 {
		t.Fatalf("family %q with %d entries, want clv with 3", Family.Name, len(Family.Functions))
	}
	for i, name := range []string{"clv_summary", "clv_fit", "clv"} {
		f := Family.Functions[i]
		if f.Name != name || f.Kind != catalog.Table || f.Family != "clv" || f.Description == "" ||
			strings.Contains(f.Description, "\n") || !strings.HasPrefix(f.Signature, name+"(source, customer, ts, amount") ||
			len(f.Choices["period"]) != 6 {
			t.Errorf("entry %+v", f)
		}
		if rows := sqltest.Rows(t, conn, strings.TrimSuffix(f.Example, ";")); len(rows) == 0 {
			t.Errorf("%s: example returned no rows", name)
		}
	}
}

// TestRegisterSessions: the Go functions and macros can be registered
// again on the same connection, and on a second connection of the same
// database (as the engine does for each session, one at a time); both
// connections then fit, at once, to the same answer.
func TestRegisterSessions(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var conns []*sql.Conn
	for i := range 3 {
		c, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		raw, err := storage.NewRaw(c)
		if err != nil {
			t.Fatal(err)
		}
		for range 1 + i%2 {
			if err := Family.Register(ctx, catalog.Conn{SQL: c, Handle: raw.Handle()}); err != nil {
				t.Fatalf("connection %d: %v", i, err)
			}
		}
		conns = append(conns, c)
	}
	loadCDNOW(t, conns[0], cdnowExcerpt, "cd", false)
	q := `SELECT round(r, 6), round(alpha, 6), round(p, 6), customers FROM clv_fit(cd, customer, d, amount)`
	want := sqltest.Rows(t, conns[0], q)
	var wg sync.WaitGroup
	got := make([][]string, len(conns))
	for i, c := range conns {
		wg.Go(func() {
			rows, err := c.QueryContext(ctx, q)
			if err != nil {
				t.Error(err)
				return
			}
			defer rows.Close()
			for rows.Next() {
				var a, b, p, n string
				if err := rows.Scan(&a, &b, &p, &n); err != nil {
					t.Error(err)
				}
				got[i] = append(got[i], a+"|"+b+"|"+p+"|"+n)
			}
		})
	}
	wg.Wait()
	for i := range got {
		sqltest.SameRows(t, "connection result", got[i], want)
	}
}
