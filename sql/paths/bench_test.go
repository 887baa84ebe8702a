package paths

import (
	"testing"

	"github.com/martdb/martdb/benchmarks/benchtest"
)

// runQuery runs q on the demo shop of the given scale (seed 1, the family
// registered) b.N times, reading every row. Scale 10 is about a million
// events, scale 100 about ten million.
func runQuery(b *testing.B, scale float64, q string) {
	benchtest.RunQuery(b, benchtest.Shop(b, scale, Family), q)
}

// BenchmarkPathsFromStart: the paths of every session from its start, at
// most 5 events (about a million events).
func BenchmarkPathsFromStart(b *testing.B) {
	runQuery(b, 10, `SELECT * FROM paths(events, user_id, ts, event)`)
}

// BenchmarkPathsExample: the catalog example (from the first page_view,
// 4 steps, the top 10).
func BenchmarkPathsExample(b *testing.B) {
	runQuery(b, 10, functions[0].Example)
}

// BenchmarkPathsToPurchase: the 5 events up to the first purchase.
func BenchmarkPathsToPurchase(b *testing.B) {
	runQuery(b, 10, `SELECT * FROM paths(events, user_id, ts, event, end_event := 'purchase')`)
}

// BenchmarkPathsNoCollapse: as BenchmarkPathsFromStart, keeping repeats.
func BenchmarkPathsNoCollapse(b *testing.B) {
	runQuery(b, 10, `SELECT * FROM paths(events, user_id, ts, event, collapse := false)`)
}

// BenchmarkSequenceNextNode: the catalog example, one next node per user
// (about 100,000 users).
func BenchmarkSequenceNextNode(b *testing.B) {
	runQuery(b, 10, functions[2].Example)
}

// BenchmarkPaths10M: the catalog example's paths on the scale-100 shop
// (about ten million events); generating the shop takes a while.
func BenchmarkPaths10M(b *testing.B) {
	runQuery(b, 100, `SELECT * FROM paths(events, user_id, ts, event, start := 'page_view', max_steps := 4)`)
}

// BenchmarkNextSteps: the next_steps catalog example (after page_view,
// product_view).
func BenchmarkNextSteps(b *testing.B) {
	runQuery(b, 10, functions[1].Example)
}

// BenchmarkPlainListPaths: BenchmarkPathsFromStart's answer written the
// obvious way, for comparison: sessions by window functions, then each
// session's events with list(... ORDER BY), repeats dropped by a lambda,
// the first 5 counted.
func BenchmarkPlainListPaths(b *testing.B) {
	runQuery(b, 10, plainListPaths)
}

// plainListPaths is paths(events, user_id, ts, event) in plain SQL (the
// list(... ORDER BY) way), shared with TestPlainSQLAgrees.
const plainListPaths = `SELECT p AS path, len(p) AS steps, count(*) AS sessions, count(DISTINCT user_id) AS users
	FROM (SELECT user_id, list_filter(l, lambda x, i: i = 1 OR x <> l[i - 1])[1:5] AS p
	      FROM (SELECT user_id, s, list(event ORDER BY ts, event) AS l
	            FROM (SELECT user_id, ts, event, sum(new) OVER (PARTITION BY user_id ORDER BY ts, event ROWS UNBOUNDED PRECEDING) AS s
	                  FROM (SELECT user_id, ts, event,
	                               CASE WHEN lag(ts) OVER (PARTITION BY user_id ORDER BY ts, event) >= ts - INTERVAL 30 MINUTE
	                                    THEN 0 ELSE 1 END AS new
	                        FROM events))
	            GROUP BY user_id, s))
	GROUP BY p ORDER BY sessions DESC, path`
