package clv

import (
	"fmt"
	"math"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestSummaryExcerpt: on the CDNOW excerpt, calibrated to 1997-09-30 in
// weeks, clv_summary agrees with a plain Go computation of lifetimes'
// conventions for every customer, and with hand-worked rows: 00004 is
// the paper's worked example (x = 2, t_x = 30.43, T = 38.86), 00314 and
// 00773 bought twice on one day (merged, and the first day's spend left
// out of the mean), 00645 bought on 1997-09-30 itself (counted) and later
// (not counted).
func TestSummaryExcerpt(t *testing.T) {
	conn := sqltest.Open(t, Family)
	loadCDNOW(t, conn, cdnowExcerpt, "cd", false)
	got := queryFloats(t, conn, `SELECT customer::DOUBLE, frequency, recency, T, monetary_value
		FROM clv_summary(cd, customer, d, amount, calibration_end := DATE '1997-09-30')`)
	want := referenceSummary(readCDNOW(t, cdnowExcerpt, false), calibrationEnd, 7)
	if len(got) != len(want) || len(got) != 17 {
		t.Fatalf("%d rows, reference %d, want 17", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if fmt.Sprintf("%05.0f", g[0]) != w.customer || g[1] != float64(w.x) ||
			math.Abs(g[2]-w.recency) > 1e-12 || math.Abs(g[3]-w.T) > 1e-12 || math.Abs(g[4]-w.m) > 1e-9 {
			t.Errorf("row %d: got %v, reference %+v", i, g, w)
		}
	}
	sqltest.SameRows(t, "hand-worked rows", sqltest.Rows(t, conn,
		`SELECT customer, frequency, round(recency * 7) AS recency_days, round(T * 7) AS T_days, round(monetary_value, 4)
		 FROM clv_summary(cd, customer, d, amount, calibration_end := '1997-09-30')
		 WHERE customer IN ('00004', '00314', '00645', '00773', '00050') ORDER BY customer`), []string{
		"00004|2|213.0|272.0|22.345",  // (29.73 + 14.96) / 2
		"00050|0|0.0|272.0|0.0",       // one purchase: monetary_value 0
		"00314|1|11.0|271.0|227.14",   // 166.89 + 60.25 on 1997-01-13
		"00645|1|269.0|269.0|6.49",    // 1997-09-30 counts, later days do not
		"00773|4|206.0|269.0|53.3975", // (78.26 + 88.94 + 15.36 + 31.03) / 4
	})
	// The paper's customer, to the digits it prints.
	sqltest.SameRows(t, "worked example", sqltest.Rows(t, conn,
		`SELECT frequency, round(recency, 2), round(T, 2) FROM clv_summary(cd, customer, d, amount, calibration_end := DATE '1997-09-30')
		 WHERE customer = '00004'`), []string{"2|30.43|38.86"})
}

// TestSummaryPeriods: the period is only the unit of recency and T (a
// month is 365.25/12 days); frequency and monetary_value do not change.
func TestSummaryPeriods(t *testing.T) {
	conn := sqltest.Open(t, Family)
	loadCDNOW(t, conn, cdnowExcerpt, "cd", false)
	for period, days := range map[string]float64{"hour": 1.0 / 24, "day": 1, "week": 7, "month": 365.25 / 12, "quarter": 365.25 / 4, "year": 365.25, "WEEK": 7} {
		got := queryFloats(t, conn, `SELECT frequency, recency, T, monetary_value FROM clv_summary(cd, customer, d, amount,
			calibration_end := DATE '1997-09-30', period := '`+period+`') WHERE customer = '00004'`)
		if len(got) != 1 || got[0][0] != 2 || math.Abs(got[0][1]-213/days) > 1e-9 || math.Abs(got[0][2]-272/days) > 1e-9 || got[0][3] != 22.345 {
			t.Errorf("period %s: %v, want 2, %g, %g, 22.345", period, got, 213/days, 272/days)
		}
	}
}

// TestSummaryDefaultsAndTypes: without calibration_end the last purchase
// day of the data ends the calibration; timestamps are taken at their
// day (two purchases on one day merge whatever their times), TIMESTAMPTZ
// at its wall-clock day in the session's TimeZone; rows with a NULL
// customer or ts are left out.
func TestSummaryDefaultsAndTypes(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `SET TimeZone = 'UTC'`, `CREATE TABLE p AS SELECT * FROM (VALUES
		('a', TIMESTAMP '2025-01-01 09:00', 10.0),
		('a', TIMESTAMP '2025-01-01 18:30', 5.0),
		('a', TIMESTAMP '2025-01-08 12:00', 20),
		('a', TIMESTAMP '2025-01-15 23:59', 40),
		('b', TIMESTAMP '2025-01-02 00:00', 7),
		(NULL, TIMESTAMP '2025-01-20 00:00', 99),
		('c', NULL, 99)) v(c, ts, amount)`)
	sqltest.SameRows(t, "default calibration_end", sqltest.Rows(t, conn,
		`SELECT * FROM clv_summary(p, c, ts, amount, period := 'day')`), []string{
		"a|2|14.0|14.0|30.0",
		"b|0|0.0|13.0|0.0",
	})
	sqltest.SameRows(t, "timestamptz", sqltest.Rows(t, conn,
		`SELECT * FROM clv_summary(p, c, ts::TIMESTAMPTZ, amount, period := 'day', calibration_end := TIMESTAMP '2025-01-10 08:00')`), []string{
		"a|1|7.0|9.0|20.0",
		"b|0|0.0|8.0|0.0",
	})
	sqltest.SameRows(t, "dates, empty source", sqltest.Rows(t, conn,
		`WITH e AS (SELECT * FROM p WHERE false) SELECT * FROM clv_summary(e, c, ts::DATE, amount)`), []string{})
}
