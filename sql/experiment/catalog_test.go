package experiment

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/martdb/martdb/benchmarks/benchtest"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/sqltest"
	"github.com/martdb/martdb/storage"
)

// TestCatalogEntries checks the entries' fields and runs their examples
// on a small demo shop: each must succeed and return rows.
func TestCatalogEntries(t *testing.T) {
	conn := benchtest.Shop(t, 0.2, Family)
	if Family.Name != "experiment" || len(Family.Functions) != 2 {
		t.Fatalf("family %q with %d entries, want experiment with 2", Family.Name, len(Family.Functions))
	}
	for i, c := range []struct {
		name string
		kind catalog.Kind
	}{{"ab_test", catalog.Table}, {"sample_size", catalog.Scalar}} {
		f := Family.Functions[i]
		if f.Name != c.name || f.Kind != c.kind || f.Family != "experiment" || f.Description == "" ||
			strings.Contains(f.Description, "\n") || !strings.HasPrefix(f.Signature, c.name+"(") || f.Choices != nil {
			t.Errorf("entry %+v", f)
		}
		if rows := sqltest.Rows(t, conn, strings.TrimSuffix(f.Example, ";")); len(rows) == 0 {
			t.Errorf("%s: example returned no rows", c.name)
		}
	}
}

// TestDemoShop: the hashed split of the demo shop's customers, with the
// CTE's columns named like ab_test's arguments. Its counts and means are
// those of a plain GROUP BY, B is tested against A, and the example
// shows the same variants.
func TestDemoShop(t *testing.T) {
	conn := benchtest.Shop(t, 0.2, Family)
	const u = `WITH u AS (SELECT c.customer_id, CASE WHEN hash(c.customer_id) % 2 = 0 THEN 'A' ELSE 'B' END AS variant,
		count(o.order_id) > 0 AS converted, coalesce(sum(o.amount), 0) AS revenue
		FROM customers c LEFT JOIN orders o USING (customer_id) GROUP BY ALL) `
	got := sqltest.Rows(t, conn, u+`SELECT variant, users, conversions, round(mean_value, 6), p_value IS NOT NULL, value_p_value IS NOT NULL
		FROM ab_test(u, variant, converted, value := revenue)`)
	want := sqltest.Rows(t, conn, u+`SELECT variant, count(*), count(*) FILTER (WHERE converted), round(avg(revenue), 6), variant = 'B', variant = 'B'
		FROM u GROUP BY variant ORDER BY variant`)
	sqltest.SameRows(t, "demo shop split", got, want)
	if len(got) != 2 {
		t.Errorf("%d variants, want 2", len(got))
	}
	ex := sqltest.Rows(t, conn, strings.TrimSuffix(Family.Functions[0].Example, ";"))
	if len(ex) != 2 || !strings.HasPrefix(ex[0], "A|") || !strings.HasPrefix(ex[1], "B|") {
		t.Errorf("example rows %q", ex)
	}
	// sample_size's example: a relative effect and the same effect in
	// points need the same users.
	for _, r := range sqltest.Rows(t, conn, strings.TrimSuffix(Family.Functions[1].Example, ";")) {
		f := strings.Split(r, "|")
		if len(f) != 3 || f[1] != f[2] {
			t.Errorf("sample_size example row %q", r)
		}
	}
}

// TestRegisterTwice: registering again, on the same connection or on a
// second connection of the same database, replaces the functions and
// macros; and as the engine does it, the Go functions once (Shared) and
// the macros on every session (Session), the sessions work.
func TestRegisterTwice(t *testing.T) {
	ctx := context.Background()
	for _, split := range []bool{false, true} {
		db, err := sql.Open("duckdb", "")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for i := range 2 {
			conn, err := db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			raw, err := storage.NewRaw(conn)
			if err != nil {
				t.Fatal(err)
			}
			c := catalog.Conn{SQL: conn, Handle: raw.Handle()}
			for range 1 + i {
				switch {
				case !split:
					err = Family.Register(ctx, c)
				case i == 0:
					if err = Family.Shared(ctx, c); err == nil {
						err = Family.Session(ctx, c)
					}
				default:
					err = Family.Session(ctx, c)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if n := sqltest.Int(t, conn, `SELECT sample_size(0.1, 0.1)`); n != 14751 {
				t.Errorf("split %t, connection %d: %d", split, i, n)
			}
			sqltest.SameRows(t, "ab_test", sqltest.Rows(t, conn, `WITH s AS (SELECT i % 2 AS g, i % 5 = 0 AS c FROM range(1000) t(i))
				SELECT variant, users, conversions FROM ab_test(s, g, c)`), []string{"0|500|100", "1|500|100"})
		}
	}
	for _, f := range []func(context.Context, catalog.Conn) error{Family.Register, Family.Shared, Family.Session} {
		if err := f(ctx, catalog.Conn{}); err == nil {
			t.Error("no connection: no error")
		}
	}
}
