package clv

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestOptionErrors: every bad option fails with "<function>: <argument>:
// expected ...", on an empty source too, for each function that takes it.
func TestOptionErrors(t *testing.T) {
	conn := sqltest.Open(t, Family)
	loadCDNOW(t, conn, cdnowExcerpt, "cd", false)
	sqltest.Exec(t, conn, `CREATE TABLE empty AS SELECT * FROM cd WHERE false`)
	for _, source := range []string{"cd", "empty"} {
		for _, fn := range []string{"clv_summary", "clv_fit", "clv"} {
			call := func(opts string) string {
				return `SELECT * FROM ` + fn + `(` + source + `, customer, d, amount` + opts + `)`
			}
			for _, p := range []string{"'fortnight'", "NULL", "7", "''"} {
				sqltest.WantError(t, conn, call(`, period := `+p), fn+": period: expected hour, day, week, month, quarter or year, got")
			}
			for _, end := range []string{"'soon'", "42", "true"} {
				sqltest.WantError(t, conn, call(`, calibration_end := `+end), fn+": calibration_end: expected a DATE or TIMESTAMP, got")
			}
		}
		for _, h := range []string{"INTERVAL 0 DAY", "INTERVAL '-3 months'", "INTERVAL '1 month -40 days'", "12", "'soon'", "NULL"} {
			sqltest.WantError(t, conn, `SELECT * FROM clv(`+source+`, customer, d, amount, horizon := `+h+`)`, "clv: horizon: expected a positive INTERVAL, got")
		}
		for _, r := range []string{"-0.01", "'nan'::DOUBLE", "'inf'::DOUBLE", "NULL", "'cheap'"} {
			sqltest.WantError(t, conn, `SELECT * FROM clv(`+source+`, customer, d, amount, discount_rate := `+r+`)`, "clv: discount_rate: expected a number >= 0, got")
		}
	}
	// Valid spellings.
	sqltest.Rows(t, conn, `SELECT * FROM clv_summary(cd, customer, d, amount, period := 'Month', calibration_end := '1997-09-30 18:00:00')`)
	sqltest.Rows(t, conn, `SELECT * FROM clv_summary(empty, customer, d, amount, calibration_end := TIMESTAMPTZ '1997-09-30 00:00:00+00')`)
}

// TestInputErrors: bad columns and bad data fail naming the function and
// the argument; samples that cannot be fitted fail naming the source.
func TestInputErrors(t *testing.T) {
	conn := sqltest.Open(t, Family)
	loadCDNOW(t, conn, cdnowExcerpt, "cd", false)
	sqltest.Exec(t, conn,
		`CREATE TABLE labelled AS SELECT *, 'x' AS label FROM cd`,
		`CREATE TABLE refund AS SELECT * FROM cd UNION ALL SELECT '00004', DATE '1997-03-01', -10`,
		`CREATE TABLE late_refund AS SELECT * FROM cd UNION ALL SELECT '00004', DATE '1998-03-01', -10`,
		`CREATE TABLE null_amount AS SELECT * FROM cd UNION ALL SELECT '00004', DATE '1997-03-01', NULL`,
		`CREATE TABLE one AS SELECT * FROM cd WHERE customer = '00111'`,
		`CREATE TABLE firsts AS SELECT customer, min(d) AS d, min(amount) AS amount FROM cd GROUP BY customer`,
		`CREATE TABLE free AS SELECT customer, d, 0.0 AS amount FROM cd`,
		`CREATE TABLE with_nulls AS SELECT * FROM cd UNION ALL SELECT NULL, DATE '1997-03-01', 5 UNION ALL SELECT '00004', NULL, 5`,
		`CREATE TABLE empty AS SELECT * FROM cd WHERE false`,
		`CREATE TABLE two AS SELECT * FROM (VALUES ('a', DATE '2025-01-01', 5), ('a', DATE '2025-01-06', 5), ('a', DATE '2025-01-13', 7),
			('a', DATE '2025-01-21', 5), ('b', DATE '2025-01-01', 5), ('b', DATE '2025-01-06', 6), ('b', DATE '2025-01-31', NULL)) v(customer, d, amount)`)
	for _, fn := range []string{"clv_summary", "clv_fit", "clv"} {
		sqltest.WantError(t, conn, `SELECT * FROM `+fn+`(labelled, customer, label, amount)`, fn+": ts: expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got VARCHAR")
		sqltest.WantError(t, conn, `SELECT * FROM `+fn+`(labelled, customer, d, label)`, fn+": amount: expected a numeric column, got VARCHAR")
		sqltest.WantError(t, conn, `SELECT * FROM `+fn+`(refund, customer, d, amount)`, fn+": amount: expected amounts >= 0 (filter refunds out first), got -10")
		sqltest.WantError(t, conn, `SELECT * FROM `+fn+`(null_amount, customer, d, amount)`, fn+": amount: expected an amount on every purchase, got NULL")
		sqltest.WantError(t, conn, `SELECT * FROM `+fn+`(cd, customer, d, 'nan'::DOUBLE)`, fn+": amount: nan does not fit DECIMAL(38,6)")
	}
	// A refund after calibration_end does not count, so it does not fail.
	if n := len(sqltest.Rows(t, conn, `SELECT * FROM clv_summary(late_refund, customer, d, amount, calibration_end := DATE '1997-09-30')`)); n != 17 {
		t.Errorf("late refund: %d rows, want 17", n)
	}
	// NULL customers and days are left out, as documented.
	sqltest.SameRows(t, "NULL rows left out",
		sqltest.Rows(t, conn, `SELECT * FROM clv_summary(with_nulls, customer, d, amount, calibration_end := DATE '1997-09-30')`),
		sqltest.Rows(t, conn, `SELECT * FROM clv_summary(cd, customer, d, amount, calibration_end := DATE '1997-09-30')`))
	for _, fn := range []string{"clv_fit", "clv"} {
		sqltest.WantError(t, conn, `SELECT * FROM `+fn+`(empty, customer, d, amount)`, fn+": source: expected at least 2 customers")
		sqltest.WantError(t, conn, `SELECT * FROM `+fn+`(one, customer, d, amount)`, fn+": source: expected at least 2 customers, got 1")
		sqltest.WantError(t, conn, `SELECT * FROM `+fn+`(firsts, customer, d, amount)`, fn+": source: no customer has a repeat purchase")
		sqltest.WantError(t, conn, `SELECT * FROM `+fn+`(free, customer, d, amount)`, fn+": amount: no customer with a repeat purchase has a positive monetary_value")
		// Two customers do not identify the model.
		sqltest.WantError(t, conn, `SELECT * FROM `+fn+`(two, customer, d, amount, period := 'day', calibration_end := DATE '2025-01-30')`,
			fn+": source: BG/NBD fit on 2 customers: the optimiser did not converge")
	}
	// A repeat customer whose repeat purchases cost nothing is left out of
	// the Gamma-Gamma fit (a mean spend of 0 has likelihood 0) but kept in
	// the BG/NBD fit and predicted.
	sqltest.Exec(t, conn, `CREATE TABLE one_free AS SELECT customer, d, CASE WHEN customer = '00773' AND d > DATE '1997-01-04' THEN 0 ELSE amount END AS amount FROM cd`)
	sqltest.SameRows(t, "zero repeat spend", sqltest.Rows(t, conn, `SELECT f.customers, f.repeat_customers, g.repeat_customers
		FROM clv_fit(one_free, customer, d, amount) f, clv_fit(cd, customer, d, amount) g`), []string{"17|10|11"})
	sqltest.SameRows(t, "zero repeat spend predicted", sqltest.Rows(t, conn, `SELECT frequency, monetary_value, expected_avg_value > 0, clv > 0
		FROM clv(one_free, customer, d, amount) WHERE customer = '00773'`), []string{"7|0.0|true|true"})
	// The summary of an empty source is empty.
	if n := len(sqltest.Rows(t, conn, `SELECT * FROM clv_summary(empty, customer, d, amount)`)); n != 0 {
		t.Errorf("empty source: %d rows", n)
	}
}
