package cohort

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
