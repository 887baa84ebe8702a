package sessions

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

// BenchmarkSessionizeEvents: every event of the shop (about a million)
// with its session, every column read.
func BenchmarkSessionizeEvents(b *testing.B) {
	runQuery(b, `SELECT * FROM sessionize(events, user_id, ts)`)
}

// BenchmarkSessionizeCount: sessionize aggregated in SQL, so the cost of
// handing a million rows to Go is left out.
func BenchmarkSessionizeCount(b *testing.B) {
	runQuery(b, `SELECT count(*), max(session_number), sum(event_in_session), max(session_start) FROM sessionize(events, user_id, ts)`)
}

// BenchmarkPlainWindowSessions: the same three columns with plain window
// functions (the numbering doc.go shows, then the start and rank by
// session), aggregated as in BenchmarkSessionizeCount, for comparison.
func BenchmarkPlainWindowSessions(b *testing.B) {
	runQuery(b, `SELECT count(*), max(session_number), sum(event_in_session), max(session_start) FROM (
		SELECT *, min(ts) OVER (PARTITION BY user_id, session_number) AS session_start,
		       rank() OVER (PARTITION BY user_id, session_number ORDER BY ts) AS event_in_session
		FROM (SELECT *, sum(new) OVER (PARTITION BY user_id ORDER BY ts) AS session_number
		      FROM (SELECT *, CASE WHEN ts - lag(ts) OVER (PARTITION BY user_id ORDER BY ts) <= INTERVAL 30 MINUTE
		                           THEN 0 ELSE 1 END AS new
		            FROM events)))`)
}

// BenchmarkSessionsSummary: one row per session (about 250,000).
func BenchmarkSessionsSummary(b *testing.B) {
	runQuery(b, `SELECT * FROM sessions(events, user_id, ts)`)
}

// BenchmarkSessionsExample: the sessions catalog example.
func BenchmarkSessionsExample(b *testing.B) {
	runQuery(b, functions[1].Example)
}
