package rfm

import (
	"fmt"
	"github.com/martdb/martdb/sql/sqltest"
	"testing"
)

// TestTiesShareScores: eight customers, one purchase each on the same day,
// spending 10, 10, 10, 20, 20, 30, 40, 50, bins 4. score = 1 + 4 * (rank
// - 1) // 8 = 1 + (rank - 1) // 2; ranks 1 (the three 10s), 4 (the 20s),
// 6, 7, 8 -> M 1, 1, 1, 2, 2, 3, 4, 4. The ideal run is two customers per
// score; the three 10s cannot be split, so score 1 has three and the rest
// follow from their positions. Everyone ties on recency and frequency, so
// every R and F score is 1.
func TestTiesShareScores(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE p AS SELECT * FROM (VALUES
		(1, 10.0), (2, 50.0), (3, 10.0), (4, 20.0), (5, 30.0), (6, 10.0), (7, 40.0), (8, 20.0)) v(c, amount)`)
	got := sqltest.Rows(t, conn, `SELECT customer, monetary, r_score, f_score, m_score
		FROM rfm(p, c, TIMESTAMP '2025-05-05 12:00', amount, bins := 4)`)
	want := []string{
		"1|10.0|1|1|1", "2|50.0|1|1|4", "3|10.0|1|1|1", "4|20.0|1|1|2",
		"5|30.0|1|1|3", "6|10.0|1|1|1", "7|40.0|1|1|4", "8|20.0|1|1|2",
	}
	sqltest.SameRows(t, "tied monetary", got, want)
}

// TestEqualSpendingIsEqual: DOUBLE amounts 0.1 + 0.2 and 0.3 are not equal
// as doubles, but monetary sums exact decimals, so the two customers tie
// and get the same score (rank 1 of 3 for both: 1 + 5 * 0 // 3 = 1), the
// third (0.31) rank 3: 1 + 5 * 2 // 3 = 4.
func TestEqualSpendingIsEqual(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE p AS SELECT * FROM (VALUES
		(1, 0.1::DOUBLE), (1, 0.2::DOUBLE), (2, 0.3::DOUBLE), (3, 0.31::DOUBLE)) v(c, amount)`)
	got := sqltest.Rows(t, conn, `SELECT customer, monetary, m_score FROM rfm(p, c, DATE '2025-01-01', amount)`)
	sqltest.SameRows(t, "exact sums", got, []string{"1|0.3|1", "2|0.3|1", "3|0.31|4"})
}

// TestRunsWithoutTies: 13 customers with distinct values, 5 bins. Score k
// takes the positions p (rank - 1) with ceil((k-1)13/5) <= p < ceil(13k/5):
// p 0-2, 3-5, 6-7, 8-10, 11-12, runs of 3, 3, 2, 3, 2 (floor or ceil of
// 13/5). The same for frequency (row counts) and recency (days).
func TestRunsWithoutTies(t *testing.T) {
	conn := sqltest.Open(t, Family)
	// Customer i (1..13) buys i times, for i * 10 each time, last on day
	// 2025-01-01 + i: recency decreases with i.
	sqltest.Exec(t, conn, `CREATE TABLE p AS
		SELECT i AS c, TIMESTAMP '2025-01-01' + to_days(i::INTEGER) - to_days(k::INTEGER) AS ts, i * 10 AS amount
		FROM range(1, 14) a(i), range(i) b(k)`)
	got := sqltest.Rows(t, conn, `SELECT string_agg(r_score::VARCHAR, '' ORDER BY customer), string_agg(f_score::VARCHAR, '' ORDER BY customer),
		string_agg(m_score::VARCHAR, '' ORDER BY customer) FROM rfm(p, c, ts, amount)`)
	sqltest.SameRows(t, "runs", got, []string{"1112223344455|1112223344455|1112223344455"})
	got = sqltest.Rows(t, conn, `SELECT m_score, count(*) FROM rfm(p, c, ts, amount) GROUP BY 1 ORDER BY 1`)
	sqltest.SameRows(t, "run sizes", got, []string{"1|3", "2|3", "3|2", "4|3", "5|2"})
}

// TestTiesProperty checks the rule on a larger input with many ties, for
// every bins value: equal values get equal scores, scores never decrease
// with the value, and each customer's score is the one of the first
// position of its tie group: 1 + bins * (number strictly worse) // n.
func TestTiesProperty(t *testing.T) {
	conn := sqltest.Open(t, Family)
	// 500 customers; frequency 1..7 and spend in steps of 5, many ties.
	sqltest.Exec(t, conn, `CREATE TABLE p AS
		SELECT i AS c, TIMESTAMP '2025-01-01' + to_days((i % 17)::INTEGER) - to_days(k::INTEGER) AS ts, (i % 9) * 5 AS amount
		FROM range(500) a(i), range(1 + (i * i) % 7) b(k)`)
	for bins := 2; bins <= 10; bins++ {
		q := fmt.Sprintf(`WITH r AS (SELECT * FROM rfm(p, c, ts, amount, bins := %d)),
			n AS (SELECT count(*) AS n FROM r)
			SELECT count(*) FROM r x, n WHERE
				x.r_score <> 1 + %d * (SELECT count(*) FROM r y WHERE y.recency_days > x.recency_days) // n.n
				OR x.f_score <> 1 + %d * (SELECT count(*) FROM r y WHERE y.frequency < x.frequency) // n.n
				OR x.m_score <> 1 + %d * (SELECT count(*) FROM r y WHERE y.monetary < x.monetary) // n.n`, bins, bins, bins, bins)
		if bad := sqltest.Int(t, conn, q); bad != 0 {
			t.Errorf("bins %d: %d customers off the rule", bins, bad)
		}
		q = fmt.Sprintf(`WITH r AS (SELECT * FROM rfm(p, c, ts, amount, bins := %d))
			SELECT (SELECT count(*) FROM (SELECT frequency FROM r GROUP BY 1 HAVING count(DISTINCT f_score) > 1))
			     + (SELECT count(*) FROM (SELECT monetary FROM r GROUP BY 1 HAVING count(DISTINCT m_score) > 1))
			     + (SELECT count(*) FROM (SELECT recency_days FROM r GROUP BY 1 HAVING count(DISTINCT r_score) > 1))
			     + (SELECT count(*) FROM r x, r y WHERE x.monetary < y.monetary AND x.m_score > y.m_score)`, bins)
		if bad := sqltest.Int(t, conn, q); bad != 0 {
			t.Errorf("bins %d: %d tie groups split or scores out of order", bins, bad)
		}
	}
}
