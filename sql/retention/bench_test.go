package retention

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

// BenchmarkAggregateSignupDays: the aggregate's catalog example, D0/D1/D7
// after signup for every customer (a join of a million events with their
// customer, grouped by user).
func BenchmarkAggregateSignupDays(b *testing.B) {
	runQuery(b, functions[0].Example)
}

// BenchmarkAggregateBoolOr is the same question in plain SQL with bool_or,
// for comparison.
func BenchmarkAggregateBoolOr(b *testing.B) {
	runQuery(b, `SELECT sum(r1), sum(r2), sum(r3) FROM (
		SELECT e.user_id, bool_or(e.ts::DATE = c.signup_ts::DATE)::INT AS r1,
		       (bool_or(e.ts::DATE = c.signup_ts::DATE) AND bool_or(e.ts::DATE = c.signup_ts::DATE + 1))::INT AS r2,
		       (bool_or(e.ts::DATE = c.signup_ts::DATE) AND bool_or(e.ts::DATE = c.signup_ts::DATE + 7))::INT AS r3
		FROM events e JOIN customers c ON c.customer_id = e.user_id GROUP BY e.user_id)`)
}

// BenchmarkReportDaily30: first-time daily retention, offsets 0 to 30.
func BenchmarkReportDaily30(b *testing.B) {
	runQuery(b, `SELECT * FROM retention(events, user_id, ts, periods := 30)`)
}

// BenchmarkReportWeeklyRecurringCumulative: every week with a page view
// starts a cohort; purchases on or after, 12 weeks.
func BenchmarkReportWeeklyRecurringCumulative(b *testing.B) {
	runQuery(b, `SELECT * FROM retention(events, user_id, ts, start_event := event = 'page_view',
		return_event := event = 'purchase', period := 'week', periods := 12, kind := 'recurring', cumulative := true)`)
}

// BenchmarkReportMonthlyOrders: monthly repeat orders, 12 months.
func BenchmarkReportMonthlyOrders(b *testing.B) {
	runQuery(b, `SELECT * FROM retention(orders, customer_id, ts, period := 'month', periods := 12)`)
}

// BenchmarkReportDailyRecurring30: every day with an event starts a
// cohort, offsets 0 to 30 (the expanded path).
func BenchmarkReportDailyRecurring30(b *testing.B) {
	runQuery(b, `SELECT * FROM retention(events, user_id, ts, periods := 30, kind := 'recurring')`)
}
