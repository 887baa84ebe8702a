package rfm

import (
	"database/sql"
	"github.com/martdb/martdb/sql/sqltest"
	"testing"
)

// TestOrderIDCountsDistinctOrders: customer 1 has two orders of two lines
// each and one line without an order id; customer 2 one order of three
// lines. With order_id, frequency counts distinct non-NULL ids (2 and 1);
// without, rows (5 and 3). monetary sums every line either way.
func TestOrderIDCountsDistinctOrders(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE lines AS SELECT * FROM (VALUES
		(1, 'A1', TIMESTAMP '2025-02-01 09:00', 5.00),
		(1, 'A1', TIMESTAMP '2025-02-01 09:00', 7.50),
		(1, 'A2', TIMESTAMP '2025-02-03 18:30', 1.25),
		(1, 'A2', TIMESTAMP '2025-02-03 18:30', 1.25),
		(1, NULL, TIMESTAMP '2025-02-02 12:00', 0.50),
		(2, 'B1', TIMESTAMP '2025-02-04 08:00', 3.00),
		(2, 'B1', TIMESTAMP '2025-02-04 08:00', 3.00),
		(2, 'B1', TIMESTAMP '2025-02-04 08:00', 3.00)) v(c, invoice, ts, amount)`)
	got := sqltest.Rows(t, conn, `SELECT customer, frequency, monetary FROM rfm(lines, c, ts, amount, order_id := invoice)`)
	sqltest.SameRows(t, "with order_id", got, []string{"1|2|15.5", "2|1|9.0"})
	got = sqltest.Rows(t, conn, `SELECT customer, frequency, monetary FROM rfm(lines, c, ts, amount)`)
	sqltest.SameRows(t, "without order_id", got, []string{"1|5|15.5", "2|3|9.0"})
	// Only NULL order ids: frequency 0, the customer still listed.
	got = sqltest.Rows(t, conn, `SELECT customer, frequency FROM rfm(lines, c, ts, amount, order_id := CASE WHEN c = 1 THEN invoice END)`)
	sqltest.SameRows(t, "NULL order ids", got, []string{"1|2", "2|0"})
}

// asOfPurchases: customer 1 buys on 10 Jan, 20 Feb and 20 Mar; customer 2
// on 16 Mar; customer 3 at 23:59:59 on 14 Mar.
func asOfPurchases(t *testing.T) *sql.Conn {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE p AS SELECT * FROM (VALUES
		(1, TIMESTAMP '2025-01-10 10:00', 10),
		(1, TIMESTAMP '2025-02-20 09:00', 20),
		(1, TIMESTAMP '2025-03-20 08:00', 30),
		(2, TIMESTAMP '2025-03-16 12:00', 5),
		(3, TIMESTAMP '2025-03-14 23:59:59', 7)) v(c, ts, amount)`)
	return conn
}

// TestAsOf: the default as_of is 2025-03-21 00:00 (midnight after 20 Mar
// 08:00): recency 1, 5 and 7 days. as_of 15 Mar drops every row on or
// after it: customer 1 keeps two purchases (30 spent, last 20 Feb, 23
// days), customer 2 disappears, customer 3 bought the day before (1 day).
// An as_of with a time of day counts calendar days: at 14 Mar 12:00
// customer 3's purchase that evening is in the future and customer 1 is 22
// days away. R scores with n = 3 (default as_of): ranks 1, 2, 3 -> 1,
// 1 + 5 // 3 = 2, 1 + 10 // 3 = 4; with n = 2: the older customer rank 1
// -> 1, the other rank 2 -> 1 + 5 // 2 = 3.
func TestAsOf(t *testing.T) {
	conn := asOfPurchases(t)
	sqltest.Exec(t, conn, `SET TimeZone = 'UTC'`)
	got := sqltest.Rows(t, conn, `SELECT customer, last_ts, recency_days, frequency, monetary, r_score FROM rfm(p, c, ts, amount)`)
	sqltest.SameRows(t, "default as_of", got, []string{
		"1|2025-03-20 08:00:00|1|3|60.0|4",
		"2|2025-03-16 12:00:00|5|1|5.0|2",
		"3|2025-03-14 23:59:59|7|1|7.0|1",
	})
	want := []string{"1|2025-02-20 09:00:00|23|2|30.0|1", "3|2025-03-14 23:59:59|1|1|7.0|3"}
	for _, asOf := range []string{`DATE '2025-03-15'`, `'2025-03-15'`, `TIMESTAMP '2025-03-15 00:00'`, `TIMESTAMPTZ '2025-03-15 00:00:00+00'`} {
		got = sqltest.Rows(t, conn, `SELECT customer, last_ts, recency_days, frequency, monetary, r_score FROM rfm(p, c, ts, amount, as_of := `+asOf+`)`)
		sqltest.SameRows(t, "as_of "+asOf, got, want)
	}
	got = sqltest.Rows(t, conn, `SELECT customer, recency_days, frequency FROM rfm(p, c, ts, amount, as_of := TIMESTAMP '2025-03-14 12:00')`)
	sqltest.SameRows(t, "as_of with a time", got, []string{"1|22|2"})
	// An explicit NULL is the default; an as_of before every row gives no
	// customer.
	got = sqltest.Rows(t, conn, `SELECT customer, recency_days FROM rfm(p, c, ts, amount, as_of := NULL)`)
	sqltest.SameRows(t, "as_of NULL", got, []string{"1|1", "2|5", "3|7"})
	got = sqltest.Rows(t, conn, `SELECT * FROM rfm(p, c, ts, amount, as_of := DATE '2024-01-01')`)
	sqltest.SameRows(t, "as_of before the data", got, []string{})
}

// TestNullsAndRefunds: NULL customers and NULL timestamps are ignored
// (also for the default as_of: the NULL-customer row on 30 Mar does not
// move it from 2 Mar); a NULL amount adds 0 but the row counts; a refund
// (negative amount) subtracts. Customer 1: 100 and -100 -> 0 over 2 rows;
// customer 2: NULL and 5 -> 5 over 2 rows; customer 3: only NULL -> 0.
func TestNullsAndRefunds(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE p AS SELECT * FROM (VALUES
		(1, TIMESTAMP '2025-03-01 10:00', 100.00::DECIMAL(10,2)),
		(1, TIMESTAMP '2025-03-02 10:00', -100.00),
		(2, TIMESTAMP '2025-02-01 10:00', NULL),
		(2, TIMESTAMP '2025-02-10 10:00', 5.00),
		(3, TIMESTAMP '2025-01-05 10:00', NULL),
		(NULL, TIMESTAMP '2025-03-30 10:00', 1000.00),
		(2, NULL, 1000.00)) v(c, ts, amount)`)
	got := sqltest.Rows(t, conn, `SELECT customer, last_ts, recency_days, frequency, monetary FROM rfm(p, c, ts, amount)`)
	sqltest.SameRows(t, "nulls and refunds", got, []string{
		"1|2025-03-02 10:00:00|1|2|0.0",
		"2|2025-02-10 10:00:00|21|2|5.0",
		"3|2025-01-05 10:00:00|57|1|0.0",
	})
	// A constant NULL amount: every customer spent 0.
	got = sqltest.Rows(t, conn, `SELECT customer, monetary, m_score FROM rfm(p, c, ts, NULL)`)
	sqltest.SameRows(t, "NULL amount", got, []string{"1|0.0|1", "2|0.0|1", "3|0.0|1"})
}

// TestTimestampTypes: DATE and TIMESTAMPTZ timestamps, and an empty
// source.
func TestTimestampTypes(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `SET TimeZone = 'UTC'`, `CREATE TABLE p AS SELECT * FROM (VALUES
		(1, DATE '2025-03-01', 1), (2, DATE '2025-03-03', 2)) v(c, d, amount)`)
	got := sqltest.Rows(t, conn, `SELECT customer, first_ts, recency_days FROM rfm(p, c, d, amount)`)
	sqltest.SameRows(t, "DATE ts", got, []string{"1|2025-03-01 00:00:00|3", "2|2025-03-03 00:00:00|1"})
	got = sqltest.Rows(t, conn, `SELECT customer, last_ts, recency_days FROM rfm(p, c, d::TIMESTAMPTZ + INTERVAL 23 HOUR, amount)`)
	sqltest.SameRows(t, "TIMESTAMPTZ ts", got, []string{"1|2025-03-01 23:00:00|3", "2|2025-03-03 23:00:00|1"})
	got = sqltest.Rows(t, conn, `SELECT * FROM rfm(p, c, d, amount) WHERE false`)
	sqltest.SameRows(t, "filtered", got, []string{})
	sqltest.Exec(t, conn, `CREATE TABLE empty AS SELECT * FROM p WHERE false`)
	got = sqltest.Rows(t, conn, `SELECT * FROM rfm(empty, c, d, amount)`)
	sqltest.SameRows(t, "empty source", got, []string{})
}
