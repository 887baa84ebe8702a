package cohort

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

// shopScale10 is one demo shop at scale 10 (100,000 customers, about a
// million events), generated once for all the benchmarks.
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

// BenchmarkCohortMonthlyEvents: monthly cohorts of every event, 12
// offsets (about a million rows in).
func BenchmarkCohortMonthlyEvents(b *testing.B) {
	runQuery(b, `SELECT * FROM cohort(events, user_id, ts)`)
}

// BenchmarkCohortWeeklyFiltered: weekly cohorts from the first add to
// cart, returning with a purchase, 26 offsets.
func BenchmarkCohortWeeklyFiltered(b *testing.B) {
	runQuery(b, `SELECT * FROM cohort(events, user_id, ts, period := 'week', periods := 26,
		start_event := event = 'add_to_cart', return_event := event = 'purchase')`)
}

// BenchmarkCohortDailyEvents: daily cohorts of every event, 30 offsets.
func BenchmarkCohortDailyEvents(b *testing.B) {
	runQuery(b, `SELECT * FROM cohort(events, user_id, ts, period := 'day', periods := 30)`)
}

// BenchmarkCohortOrdersRevenue: the catalog's example without its limit,
// monthly cohorts of orders with revenue.
func BenchmarkCohortOrdersRevenue(b *testing.B) {
	runQuery(b, `SELECT * FROM cohort(orders, customer_id, ts, amount := amount)`)
}

// BenchmarkLifecycleWeeklyEvents: weekly lifecycle of every event.
func BenchmarkLifecycleWeeklyEvents(b *testing.B) {
	runQuery(b, `SELECT * FROM lifecycle(events, user_id, ts)`)
}

// BenchmarkLifecycleDailyEvents: daily lifecycle of every event.
func BenchmarkLifecycleDailyEvents(b *testing.B) {
	runQuery(b, `SELECT * FROM lifecycle(events, user_id, ts, period := 'day')`)
}
