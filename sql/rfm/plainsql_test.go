package rfm

import (
	"context"
	"fmt"
	"github.com/martdb/martdb/sql/sqltest"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
)

// plainRFM is the report written independently in plain SQL over the demo
// shop's orders, for one as_of (a SQL expression, or empty for the
// default) and bins: measures by GROUP BY, recency as a date difference,
// and each score from the number of customers strictly worse, counted by a
// self-join rather than rank(). Segments come from the rule grid of
// segment_test.go.
func plainRFM(t testing.TB, asOf string, bins int) string {
	if asOf == "" {
		asOf = "(SELECT CAST(max(ts)::DATE + 1 AS TIMESTAMP) FROM orders)"
	}
	return fmt.Sprintf(`WITH
		cut AS (SELECT %[1]s::TIMESTAMP AS a),
		m AS (
			SELECT customer_id AS customer, min(ts) AS first_ts, max(ts) AS last_ts,
			       (SELECT a FROM cut)::DATE - max(ts)::DATE AS recency_days,
			       count(DISTINCT order_id) AS frequency, sum(amount) AS spent
			FROM orders WHERE ts < (SELECT a FROM cut) GROUP BY customer_id),
		n AS (SELECT count(*) AS n FROM m),
		worse AS (
			SELECT x.customer,
			       count(y.customer) FILTER (WHERE y.recency_days > x.recency_days) AS r_worse,
			       count(y.customer) FILTER (WHERE y.frequency < x.frequency) AS f_worse,
			       count(y.customer) FILTER (WHERE y.spent < x.spent) AS m_worse
			FROM m x JOIN m y ON true GROUP BY x.customer),
		scored AS (
			SELECT m.*, 1 + %[2]d * r_worse // n AS r, 1 + %[2]d * f_worse // n AS f, 1 + %[2]d * m_worse // n AS mm
			FROM m JOIN worse USING (customer) CROSS JOIN n)
		SELECT customer, first_ts, last_ts, recency_days, frequency, spent::DOUBLE AS monetary, r, f, mm,
		       r::VARCHAR || f::VARCHAR || mm::VARCHAR AS cell,
		       CASE WHEN %[2]d = 5 THEN (SELECT segment FROM %[3]s g(gr, gf, segment) WHERE gr = r AND gf = f) END AS segment
		FROM scored`, asOf, bins, gridValues(t))
}

// TestAgainstPlainSQL compares rfm with plainRFM on every customer of the
// demo shop at scale 1, row for row (EXCEPT ALL both ways), for the
// default and an earlier as_of and for 5 and 3 bins.
func TestAgainstPlainSQL(t *testing.T) {
	conn := sqltest.Open(t, Family)
	if _, err := datagen.Generate(context.Background(), conn, datagen.Config{Scale: 1, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		asOf string
		bins int
	}{{"", 5}, {"", 3}, {"TIMESTAMP '2025-09-15 12:00'", 5}} {
		opt := fmt.Sprintf("bins := %d", c.bins)
		if c.asOf != "" {
			opt += ", as_of := " + c.asOf
		}
		mine := `SELECT * FROM rfm(orders, customer_id, ts, amount, order_id := order_id, ` + opt + `)`
		plain := plainRFM(t, c.asOf, c.bins)
		q := fmt.Sprintf(`SELECT (SELECT count(*) FROM (SELECT * FROM (%[1]s) EXCEPT ALL SELECT * FROM (%[2]s))) +
			(SELECT count(*) FROM (SELECT * FROM (%[2]s) EXCEPT ALL SELECT * FROM (%[1]s)))`, mine, plain)
		if bad := sqltest.Int(t, conn, q); bad != 0 {
			t.Errorf("%s: %d rows differ from plain SQL", opt, bad)
		}
		n := sqltest.Int(t, conn, `SELECT count(*) FROM (`+mine+`)`)
		segments := sqltest.Int(t, conn, `SELECT count(DISTINCT segment) FROM (`+mine+`)`)
		t.Logf("%s: %d customers, %d segments", opt, n, segments)
		if n < 500 {
			t.Errorf("%s: only %d customers", opt, n)
		}
	}
}
