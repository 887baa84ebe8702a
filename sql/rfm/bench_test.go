package rfm

import (
	"database/sql"
	"testing"

	"github.com/martdb/martdb/benchmarks/benchtest"
)

// shopScale10 is one demo shop at scale 10 with the family registered,
// shared by all the benchmarks.
func shopScale10(b *testing.B) *sql.Conn { return benchtest.Shop(b, 10, Family) }

// runQuery runs q on the shop b.N times, reading every row.
func runQuery(b *testing.B, q string) { benchtest.RunQuery(b, shopScale10(b), q) }

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
