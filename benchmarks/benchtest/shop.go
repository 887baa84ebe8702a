// Package benchtest gives the benchmarks of the sql/ packages a shared
// in-memory demo shop (benchmarks/datagen) with function families
// registered. It lives under benchmarks/ because the core packages must
// not depend on the data generator; their test files may.
package benchtest

import (
	"context"
	"database/sql"
	"sync"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/storage"
)

var shops struct {
	sync.Mutex
	conns map[float64]*sql.Conn
}

// Shop returns a connection to an in-memory demo shop (benchmarks/datagen,
// seed 1) of the given scale with the families registered. The shop is
// generated once per scale and test binary and stays open for the whole
// run, so benchmarks share it.
func Shop(tb testing.TB, scale float64, families ...catalog.Family) *sql.Conn {
	tb.Helper()
	shops.Lock()
	defer shops.Unlock()
	conn, ok := shops.conns[scale]
	if !ok {
		conn = openShop(tb, scale)
		if shops.conns == nil {
			shops.conns = map[float64]*sql.Conn{}
		}
		shops.conns[scale] = conn
	}
	raw, err := storage.NewRaw(conn)
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range families {
		if err := f.Register(context.Background(), catalog.Conn{SQL: conn, Handle: raw.Handle()}); err != nil {
			tb.Fatalf("registering %s: %v", f.Name, err)
		}
	}
	return conn
}

// openShop opens a database that outlives the test (Shop shares it) and
// fills it.
func openShop(tb testing.TB, scale float64) *sql.Conn {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		tb.Fatal(err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := datagen.Generate(context.Background(), conn, datagen.Config{Scale: scale, Seed: 1}, nil); err != nil {
		tb.Fatal(err)
	}
	return conn
}

// RunQuery runs q for every iteration of b, reading every row.
func RunQuery(b *testing.B, conn *sql.Conn, q string) {
	b.Helper()
	b.ResetTimer()
	for b.Loop() {
		rows, err := conn.QueryContext(context.Background(), q)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
		}
		if err := rows.Err(); err != nil {
			b.Fatal(err)
		}
		rows.Close()
	}
}
