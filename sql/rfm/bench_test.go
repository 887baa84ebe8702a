package rfm

import (
	"context"
	"database/sql"
	"sync"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
)

var (
	benchOnce sync.Once
	benchConn *sql.Conn
	benchErr  error
)

// shopScale10 is one demo shop at scale 10 (100,000 customers, about
// 20,000 orders), generated once for all the benchmarks.
func shopScale10(b *testing.B) *sql.Conn {
	benchOnce.Do(func() {
		// Kept open for the whole run: the benchmarks share it.
		_, conn, err := registeredConn()
		if err == nil {
			_, err = datagen.Generate(context.Background(), conn, datagen.Config{Scale: 10, Seed: 1}, nil)
		}
		if err != nil {
			benchErr = err
			return
		}
		benchConn = conn
	})
	if benchConn == nil {
		b.Fatal("no demo shop: ", benchErr)
	}
	return benchConn
}

// runQuery runs q b.N times, reading every row.
func runQuery(b *testing.B, q string) {
	conn := shopScale10(b)
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

// BenchmarkRFMOrders: every customer with an order, all columns.
func BenchmarkRFMOrders(b *testing.B) {
	runQuery(b, `SELECT * FROM rfm(orders, customer_id, ts, amount, order_id := order_id)`)
}

// BenchmarkRFMExample: the catalog example, a segment summary.
func BenchmarkRFMExample(b *testing.B) {
	runQuery(b, functions[0].Example)
}

// BenchmarkRFMEvents: every event as a "purchase" of 1, to see the cost
// on a million rows and 100,000 customers.
func BenchmarkRFMEvents(b *testing.B) {
	runQuery(b, `SELECT * FROM rfm(events, user_id, ts, 1, order_id := session_id)`)
}
