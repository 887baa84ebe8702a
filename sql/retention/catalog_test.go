package retention

import (
	"context"
	"strings"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/storage"
)

// TestCatalogEntries checks the entries' fields, and runs each example on
// a small demo shop: it must succeed and return rows.
func TestCatalogEntries(t *testing.T) {
	conn := openFamily(t)
	if _, err := datagen.Generate(context.Background(), conn, datagen.Config{Scale: 0.2, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	kinds := map[catalog.Kind]bool{}
	for _, f := range Family.Functions {
		kinds[f.Kind] = true
		if f.Name != "retention" || f.Family != Family.Name || f.Description == "" || strings.Contains(f.Description, "\n") ||
			!strings.HasPrefix(f.Signature, "retention(") {
			t.Errorf("entry %+v", f)
		}
		rows, err := conn.QueryContext(context.Background(), f.Example)
		if err != nil {
			t.Errorf("%s example: %v", f.Kind, err)
			continue
		}
		n := 0
		for rows.Next() {
			n++
		}
		if err := rows.Err(); err != nil || n == 0 {
			t.Errorf("%s example: %d rows, %v", f.Kind, n, err)
		}
		rows.Close()
	}
	if !kinds[catalog.Aggregate] || !kinds[catalog.Table] || len(Family.Functions) != 2 {
		t.Errorf("entries %v, want one aggregate and one table", kinds)
	}
}

// TestRegisterAgain: registering again on the same connection, and on a
// second connection of the same database (a new session), works; a
// missing C handle is an error, not a crash.
func TestRegisterAgain(t *testing.T) {
	db, conn := openDBFamily(t)
	raw, err := storage.NewRaw(conn)
	if err != nil {
		t.Fatal(err)
	}
	if err := Family.Register(context.Background(), catalog.Conn{SQL: conn, Handle: raw.Handle()}); err != nil {
		t.Fatalf("second registration: %v", err)
	}
	if err := Family.Register(context.Background(), catalog.Conn{SQL: conn}); err == nil {
		t.Error("registering without a C handle succeeded")
	}
	exec(t, conn, longLog)
	// A second session on the same database: the aggregate is already in
	// the database's catalog, the macros are per connection.
	second, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	raw2, err := storage.NewRaw(second)
	if err != nil {
		t.Fatal(err)
	}
	if err := Family.Register(context.Background(), catalog.Conn{SQL: second, Handle: raw2.Handle()}); err != nil {
		t.Fatalf("registering on a second session: %v", err)
	}
	if got := strings1(t, second, `SELECT retention([x = 1, x = 2])::VARCHAR FROM range(3) t(x)`); len(got) != 1 || got[0] != "[1, 1]" {
		t.Errorf("aggregate on the second session: %v", got)
	}
	sameRows(t, "after registering again", table(t, conn, `SELECT * FROM retention(long, uid, ts, period := 'month', periods := 1)`),
		[]row{{0, 4, 4}, {1, 3, 2}})
	if got := strings1(t, conn, `SELECT retention([uid = 'a', uid = 'b'])::VARCHAR FROM long`); len(got) != 1 || got[0] != "[1, 1]" {
		t.Errorf("aggregate after registering again: %v", got)
	}
}
