package rfm

import (
	"database/sql"
	"github.com/martdb/martdb/sql/sqltest"
	"testing"
)

// tenCustomers creates purchases(customer, ts, amount): ten customers, each
// with f purchases of the same amount on f consecutive days at 10:00, the
// last on the day given. The last purchase of all is on 2025-03-31, so the
// default as_of is 2025-04-01 00:00.
//
//	customer  last day    f  each  ->  recency  frequency  monetary
//	1         2025-03-31  6  100         1         6         600
//	2         2025-03-30  5   10         2         5          50
//	3         2025-03-25  1   20         7         1          20
//	4         2025-03-20  4  100        12         4         400
//	5         2025-03-10  3   10        22         3          30
//	6         2025-03-01  2  100        31         2         200
//	7         2025-02-15  1   10        45         1          10
//	8         2025-02-01  7  100        59         7         700
//	9         2025-01-15  1    5        76         1           5
//	10        2025-01-01  2   50        90         2         100
func tenCustomers(t *testing.T, conn *sql.Conn) {
	t.Helper()
	sqltest.Exec(t, conn,
		`CREATE TABLE spec(c INTEGER, last DATE, f INTEGER, each DECIMAL(12,2))`,
		`INSERT INTO spec VALUES (1, '2025-03-31', 6, 100), (2, '2025-03-30', 5, 10), (3, '2025-03-25', 1, 20),
			(4, '2025-03-20', 4, 100), (5, '2025-03-10', 3, 10), (6, '2025-03-01', 2, 100), (7, '2025-02-15', 1, 10),
			(8, '2025-02-01', 7, 100), (9, '2025-01-15', 1, 5), (10, '2025-01-01', 2, 50)`,
		// Written in a scrambled order: the result must not depend on it.
		`CREATE TABLE purchases AS
			SELECT c AS customer, last + INTERVAL 10 HOUR - to_days(k::INTEGER) AS ts, each AS amount
			FROM spec, range(f) r(k) ORDER BY hash(c, k)`)
}

// TestFixtureFiveBins checks every column on the ten customers with the
// default options. n = 10 and bins = 5, so score = 1 + (rank - 1) // 2:
// ranks 1-2 score 1, 3-4 score 2, ... 9-10 score 5.
//
// Recency ranks (most days first): c10 1, c9 2, c8 3, c7 4, c6 5, c5 6,
// c4 7, c3 8, c2 9, c1 10 -> R 1 1 2 2 3 3 4 4 5 5 (c10 .. c1).
// Frequency: 1 (c3, c7, c9) rank 1 -> F1; 2 (c6, c10) rank 4 -> F2;
// 3 (c5) rank 6 -> F3; 4 (c4) rank 7 -> F4; 5 (c2) rank 8 -> F4;
// 6 (c1) rank 9 -> F5; 7 (c8) rank 10 -> F5.
// Monetary ascending: c9 5, c7 10, c3 20, c5 30, c2 50, c10 100, c6 200,
// c4 400, c1 600, c8 700 -> M 1 1 2 2 3 3 4 4 5 5 in that order.
// Segments from the (R, F) grid of doc.go.
func TestFixtureFiveBins(t *testing.T) {
	conn := sqltest.Open(t, Family)
	tenCustomers(t, conn)
	got := sqltest.Rows(t, conn, `SELECT * FROM rfm(purchases, customer, ts, amount)`)
	want := []string{
		"1|2025-03-26 10:00:00|2025-03-31 10:00:00|1|6|600.0|5|5|5|555|champions",
		"2|2025-03-26 10:00:00|2025-03-30 10:00:00|2|5|50.0|5|4|3|543|champions",
		"3|2025-03-25 10:00:00|2025-03-25 10:00:00|7|1|20.0|4|1|2|412|promising",
		"4|2025-03-17 10:00:00|2025-03-20 10:00:00|12|4|400.0|4|4|4|444|loyal_customers",
		"5|2025-03-08 10:00:00|2025-03-10 10:00:00|22|3|30.0|3|3|2|332|need_attention",
		"6|2025-02-28 10:00:00|2025-03-01 10:00:00|31|2|200.0|3|2|4|324|about_to_sleep",
		"7|2025-02-15 10:00:00|2025-02-15 10:00:00|45|1|10.0|2|1|1|211|hibernating",
		"8|2025-01-26 10:00:00|2025-02-01 10:00:00|59|7|700.0|2|5|5|255|cant_lose",
		"9|2025-01-15 10:00:00|2025-01-15 10:00:00|76|1|5.0|1|1|1|111|hibernating",
		"10|2024-12-31 10:00:00|2025-01-01 10:00:00|90|2|100.0|1|2|3|123|hibernating",
	}
	sqltest.SameRows(t, "rfm, 5 bins", got, want)
	// The column types the catalog promises.
	types := sqltest.Rows(t, conn, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM rfm(purchases, customer, ts, amount))`)
	sqltest.SameRows(t, "column types", types, []string{
		"customer|INTEGER", "first_ts|TIMESTAMP", "last_ts|TIMESTAMP", "recency_days|BIGINT", "frequency|BIGINT",
		"monetary|DOUBLE", "r_score|INTEGER", "f_score|INTEGER", "m_score|INTEGER", "rfm_cell|VARCHAR", "segment|VARCHAR",
	})
}

// TestFixtureThreeBins: score = 1 + 3 * (rank - 1) // 10, so ranks 1-4
// score 1, 5-7 score 2, 8-10 score 3 (runs of 4, 3, 3). With the ranks of
// TestFixtureFiveBins: R c10 c9 c8 c7 -> 1, c6 c5 c4 -> 2, c3 c2 c1 -> 3;
// F rank 1 and 4 -> 1, 6 and 7 -> 2, 8, 9, 10 -> 3; M c9 c7 c3 c5 -> 1,
// c2 c10 c6 -> 2, c4 c1 c8 -> 3. No segment outside 5 bins.
func TestFixtureThreeBins(t *testing.T) {
	conn := sqltest.Open(t, Family)
	tenCustomers(t, conn)
	got := sqltest.Rows(t, conn, `SELECT customer, r_score, f_score, m_score, rfm_cell, segment FROM rfm(purchases, customer, ts, amount, bins := 3)`)
	want := []string{
		"1|3|3|3|333|NULL",
		"2|3|3|2|332|NULL",
		"3|3|1|1|311|NULL",
		"4|2|2|3|223|NULL",
		"5|2|2|1|221|NULL",
		"6|2|1|2|212|NULL",
		"7|1|1|1|111|NULL",
		"8|1|3|3|133|NULL",
		"9|1|1|1|111|NULL",
		"10|1|1|2|112|NULL",
	}
	sqltest.SameRows(t, "rfm, 3 bins", got, want)
}

// TestFixtureTenBins: with n = bins = 10 the score is the rank itself, and
// the cell is written with dashes. c1 is the most recent (R 10), second in
// frequency (rank 9) and monetary (rank 9); c3 has R 8, F 1 (tied with
// c7, c9), M 3.
func TestFixtureTenBins(t *testing.T) {
	conn := sqltest.Open(t, Family)
	tenCustomers(t, conn)
	got := sqltest.Rows(t, conn, `SELECT customer, rfm_cell, segment FROM rfm(purchases, customer, ts, amount, bins := 10) WHERE customer IN (1, 3, 9)`)
	sqltest.SameRows(t, "rfm, 10 bins", got, []string{"1|10-9-9|NULL", "3|8-1-3|NULL", "9|2-1-1|NULL"})
	got = sqltest.Rows(t, conn, `SELECT DISTINCT segment FROM rfm(purchases, customer, ts, amount, bins := 4)`)
	sqltest.SameRows(t, "rfm, 4 bins", got, []string{"NULL"})
}
