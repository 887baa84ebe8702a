package rfm

import (
	"github.com/martdb/martdb/sql/sqltest"
	"os"
	"testing"
)

// retailPath is the Online Retail data set (see ../shared/datasets/README.md
// from the repository root), relative to this package's directory.
const retailPath = "../../../shared/datasets/online_retail.csv.zst"

// TestOnlineRetail runs rfm on the UCI Online Retail transactions (order
// lines; InvoiceNo is the order, cancellations are negative lines that
// count as refunds) and checks recency, frequency and monetary of every
// customer against plain SQL, then a few well-known customers by value.
// The last invoice is on 2011-12-09, so as_of is 2011-12-10.
func TestOnlineRetail(t *testing.T) {
	if _, err := os.Stat(retailPath); err != nil {
		t.Skip("Online Retail data set not found: ", err)
	}
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE retail AS SELECT InvoiceNo AS invoice, InvoiceDate AS ts, Quantity * UnitPrice AS amount,
		CustomerID::BIGINT AS customer FROM read_csv('`+retailPath+`')`)
	sqltest.Exec(t, conn, `CREATE TABLE mine AS SELECT * FROM rfm(retail, customer, ts, amount, order_id := invoice)`)
	// Plain SQL: the measures by GROUP BY, recency as a date difference
	// from the day after the last invoice.
	sqltest.Exec(t, conn, `CREATE TABLE plain AS
		SELECT customer, DATE '2011-12-10' - max(ts)::DATE AS recency_days, count(DISTINCT invoice) AS frequency, sum(amount) AS monetary
		FROM retail WHERE customer IS NOT NULL GROUP BY customer`)
	if n := sqltest.Int(t, conn, `SELECT count(*) FROM mine`); n != 4372 {
		t.Errorf("%d customers, want 4372", n)
	}
	bad := sqltest.Int(t, conn, `SELECT count(*) FROM mine m FULL JOIN plain p USING (customer)
		WHERE m.recency_days IS DISTINCT FROM p.recency_days OR m.frequency IS DISTINCT FROM p.frequency
		   OR NOT abs(m.monetary - p.monetary) < 1e-6`)
	if bad != 0 {
		t.Errorf("%d customers differ from plain SQL", bad)
	}
	// Customers every Online Retail RFM tutorial shows: 12346 bought 74,215
	// of one item and cancelled it (spend 0); 14646 and 18102 are the top
	// spenders; 17850 the first customer of the file, gone since February.
	got := sqltest.Rows(t, conn, `SELECT customer, last_ts, recency_days, frequency, round(monetary, 2), rfm_cell, segment FROM mine
		WHERE customer IN (12346, 12347, 14646, 17850, 18102) ORDER BY customer`)
	sqltest.SameRows(t, "well-known customers", got, []string{
		"12346|2011-01-18 10:17:00|326|2|0.0|121|hibernating",
		"12347|2011-12-07 15:52:00|3|7|4310.0|545|champions",
		"14646|2011-12-08 12:12:00|2|77|279489.02|555|champions",
		"17850|2011-02-10 14:38:00|303|35|5288.63|155|cant_lose",
		"18102|2011-12-09 11:50:00|1|62|256438.49|555|champions",
	})
	// Every segment is populated on real data.
	if n := sqltest.Int(t, conn, `SELECT count(DISTINCT segment) FROM mine`); n != 10 {
		t.Errorf("%d segments populated, want 10", n)
	}
}
