package cohort

import (
	"context"
	"fmt"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
)

// plainLifecycle computes the lifecycle table without the family's
// macros, written independently: periods stay truncated timestamps, the
// previous period is one step of interval arithmetic back, and each status
// is a join: new on the user's first period, returning when the previous
// period has a row, resurrecting otherwise, dormant for the previous
// period's users without a row in this one.
func plainLifecycle(source, user, ts, period string) string {
	step := map[string]string{
		"hour": "INTERVAL 1 HOUR", "day": "INTERVAL 1 DAY", "week": "INTERVAL 7 DAY",
		"month": "INTERVAL 1 MONTH", "quarter": "INTERVAL 3 MONTH", "year": "INTERVAL 1 YEAR",
	}[period]
	return fmt.Sprintf(`(
		WITH act AS (
			SELECT DISTINCT %[2]s AS u, date_trunc('%[4]s', %[3]s) AS p
			FROM %[1]s WHERE %[2]s IS NOT NULL AND %[3]s IS NOT NULL
		),
		firsts AS (SELECT u, min(p) AS fp FROM act GROUP BY u),
		periods AS (
			SELECT unnest(generate_series(min(p), max(p), %[5]s)) AS p FROM act
		),
		labelled AS (
			SELECT a.p, a.u,
			       CASE WHEN f.fp = a.p THEN 'new'
			            WHEN prev.u IS NOT NULL THEN 'returning'
			            ELSE 'resurrecting' END AS status
			FROM act a
			JOIN firsts f ON f.u = a.u
			LEFT JOIN act prev ON prev.u = a.u AND prev.p = a.p - %[5]s
			UNION ALL
			SELECT pr.p, prev.u, 'dormant'
			FROM periods pr
			JOIN act prev ON prev.p = pr.p - %[5]s
			WHERE NOT EXISTS (SELECT 1 FROM act cur WHERE cur.u = prev.u AND cur.p = pr.p)
		),
		statuses(status, ord) AS (VALUES ('new', 1), ('returning', 2), ('resurrecting', 3), ('dormant', 4))
		SELECT CASE WHEN '%[4]s' = 'hour' THEN pr.p::VARCHAR ELSE pr.p::DATE::VARCHAR END AS period,
		       s.status, count(l.u) AS users
		FROM periods pr CROSS JOIN statuses s
		LEFT JOIN labelled l ON l.p = pr.p AND l.status = s.status
		GROUP BY pr.p, s.status, s.ord
		ORDER BY pr.p, s.ord
	)`, source, user, ts, period, step)
}

// TestLifecycleAgainstPlainSQLOnDemoShop compares lifecycle with
// plainLifecycle on the demo shop at scale 1 (10,000 customers, about
// 100,000 events over 13 months), for every period but hour.
func TestLifecycleAgainstPlainSQLOnDemoShop(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the demo shop")
	}
	conn := openFamily(t)
	if _, err := datagen.Generate(context.Background(), conn, datagen.Config{Scale: 1, Seed: 7}, nil); err != nil {
		t.Fatal(err)
	}
	exec(t, conn, `CREATE VIEW purchases AS SELECT * FROM events WHERE event = 'purchase'`)
	cases := []struct{ source, user, ts, period string }{
		{"events", "user_id", "ts", "week"},
		{"events", "user_id", "ts", "month"},
		{"events", "user_id", "ts", "day"},
		{"purchases", "user_id", "ts", "week"},
		{"orders", "customer_id", "ts::DATE", "quarter"},
		{"orders", "customer_id", "ts", "year"},
	}
	for _, c := range cases {
		call := fmt.Sprintf("lifecycle(%s, %s, %s, period := '%s')", c.source, c.user, c.ts, c.period)
		got := lifecycleRows(t, conn, call)
		want := lifecycleRows(t, conn, plainLifecycle(c.source, c.user, c.ts, c.period))
		sameStatuses(t, call, got, want)
		// Not a comparison of trivial tables: every status occurs (a
		// year has new users only).
		var sum statuses
		for _, s := range got {
			sum.fresh += s.fresh
			sum.returning += s.returning
			sum.resurrecting += s.resurrecting
			sum.dor += s.dor
		}
		if sum.fresh == 0 || (c.period != "year" && (sum.returning == 0 || sum.resurrecting == 0 || sum.dor == 0)) {
			t.Errorf("%s: totals %v", call, sum)
		}
	}
}
