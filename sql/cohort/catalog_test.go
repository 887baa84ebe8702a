package cohort

import (
	"context"
	"github.com/martdb/martdb/sql/sqltest"
	"strings"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
	"github.com/martdb/martdb/sql/catalog"
)

// TestCatalogEntries checks the entries' fields, and runs each example on
// a small demo shop: it must succeed and return rows.
func TestCatalogEntries(t *testing.T) {
	conn := openFamily(t)
	if _, err := datagen.Generate(context.Background(), conn, datagen.Config{Scale: 0.2, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range Family.Functions {
		names[f.Name] = true
		if f.Kind != catalog.Table || f.Family != Family.Name || f.Description == "" ||
			strings.Contains(f.Description, "\n") || !strings.HasPrefix(f.Signature, f.Name+"(") {
			t.Errorf("entry %+v", f)
		}
		rows, err := conn.QueryContext(context.Background(), f.Example)
		if err != nil {
			t.Errorf("%s example: %v", f.Name, err)
			continue
		}
		n := 0
		for rows.Next() {
			n++
		}
		if err := rows.Err(); err != nil || n == 0 {
			t.Errorf("%s example: %d rows, %v", f.Name, n, err)
		}
		rows.Close()
	}
	if !names["cohort"] || !names["lifecycle"] || len(Family.Functions) != 2 {
		t.Errorf("entries %v, want cohort and lifecycle", names)
	}
}

// TestRegisterAgain: registering again on the same connection replaces
// the macros and they still work; a second connection of the same
// database (a new session) needs its own registration, since the macros
// are temporary; no SQL connection is an error, not a crash.
func TestRegisterAgain(t *testing.T) {
	db, conn, err := registeredConn()
	if db != nil {
		defer db.Close()
	}
	if conn != nil {
		defer conn.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := Family.Register(ctx, catalog.Conn{SQL: conn}); err != nil {
		t.Fatalf("second registration: %v", err)
	}
	exec(t, conn, weekLog)
	sameCells(t, "after registering again", cohortCells(t, conn, `cohort(wk, uid, ts, period := 'week', periods := 1)`),
		[]cell{noRev("2024-12-30", 1, 0, 1), noRev("2024-12-30", 1, 1, 1), noRev("2025-01-06", 1, 0, 1), noRev("2025-01-06", 1, 1, 1), noRev("2025-01-20", 1, 0, 1)})
	second, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	sqltest.WantError(t, second, `SELECT * FROM lifecycle(wk, uid, ts)`, "lifecycle")
	if err := Family.Register(ctx, catalog.Conn{SQL: second}); err != nil {
		t.Fatalf("registering on a second session: %v", err)
	}
	sameStatuses(t, "second session", lifecycleRows(t, second, `lifecycle(wk, uid, ts)`),
		[]statuses{{"2024-12-30", 1, 0, 0, 0}, {"2025-01-06", 1, 1, 0, 0}, {"2025-01-13", 0, 1, 0, 1}, {"2025-01-20", 1, 0, 1, 1}})
	if err := Family.Register(ctx, catalog.Conn{}); err == nil || !strings.Contains(err.Error(), "cohort") {
		t.Errorf("registering without a connection: %v", err)
	}
}
