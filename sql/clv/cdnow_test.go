package clv

import (
	"math"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestCDNOWSample is the acceptance test on the CDNOW 1/10 sample,
// calibrated to 1997-09-30 in weeks: 2,357 customers, summed summary
// columns equal to a plain Go computation, and the fitted parameters
// equal, to three significant digits, to those published for this data:
// BG/NBD r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4
// (Fader, Hardie and Lee 2005) and Gamma-Gamma p = 6.25, q = 3.74,
// γ = 15.44 on the 946 repeat customers (lifetimes' documentation).
func TestCDNOWSample(t *testing.T) {
	needFile(t, cdnowSample)
	conn := sqltest.Open(t, Family)
	loadCDNOW(t, conn, cdnowSample, "cd", false)
	sum := queryFloats(t, conn, `SELECT count(*), sum(frequency), sum(recency), sum(T), sum(monetary_value)
		FROM clv_summary(cd, customer, d, amount, calibration_end := DATE '1997-09-30')`)[0]
	ref := referenceSummary(readCDNOW(t, cdnowSample, false), calibrationEnd, 7)
	var want [5]float64
	want[0] = float64(len(ref))
	for _, r := range ref {
		want[1] += float64(r.x)
		want[2] += r.recency
		want[3] += r.T
		want[4] += r.m
	}
	if sum[0] != 2357 || want[0] != 2357 {
		t.Errorf("%v customers (reference %v), want 2357", sum[0], want[0])
	}
	for i := range want {
		if !near(sum[i], want[i], 1e-12) {
			t.Errorf("summary column %d sums to %v, reference %v", i, sum[i], want[i])
		}
	}

	fit := queryFloats(t, conn, `SELECT r, alpha, a, b, bgnbd_log_likelihood, customers, p, q, gamma, repeat_customers
		FROM clv_fit(cd, customer, d, amount, calibration_end := DATE '1997-09-30', period := 'week')`)
	if len(fit) != 1 {
		t.Fatalf("clv_fit returned %d rows", len(fit))
	}
	names := []string{"r", "alpha", "a", "b", "log-likelihood", "customers", "p", "q", "gamma", "repeat customers"}
	published := []float64{0.243, 4.414, 0.793, 2.426, -9582.4, 2357, 6.25, 3.74, 15.44, 946}
	for i, w := range published {
		if sig3(fit[0][i]) != sig3(w) {
			t.Errorf("%s = %.6g, published %v", names[i], fit[0][i], w)
		}
	}
	t.Logf("BG/NBD r %.5f alpha %.5f a %.5f b %.5f LL %.4f; Gamma-Gamma p %.5f q %.5f gamma %.5f",
		fit[0][0], fit[0][1], fit[0][2], fit[0][3], fit[0][4], fit[0][6], fit[0][7], fit[0][8])

	// clv for the paper's customer: its summary, p_alive and E[Y(39)]
	// with the fitted parameters (the paper prints 1.226 with its
	// rounded ones), churn_risk = 1 − p_alive.
	row := queryFloats(t, conn, `SELECT frequency, p_alive, expected_purchases, churn_risk, expected_avg_value, clv
		FROM clv(cd, customer, d, amount, horizon := INTERVAL 273 DAY, calibration_end := DATE '1997-09-30')
		WHERE customer = '00004'`)
	if len(row) != 1 || row[0][0] != 2 || math.Abs(row[0][1]-0.7266) > 5e-4 || math.Abs(row[0][2]-1.226) > 1e-3 ||
		math.Abs(row[0][1]+row[0][3]-1) > 1e-15 {
		t.Errorf("customer 00004: %v, want frequency 2, p_alive 0.7266, E[Y(39)] 1.226", row)
	}
	// Expected spend: p(γ + x m)/(px + q − 1) with m = 22.345.
	if len(row) == 1 {
		ev := fit[0][6] * (fit[0][8] + 2*22.345) / (fit[0][6]*2 + fit[0][7] - 1)
		if math.Abs(row[0][4]-ev) > 1e-9 || !(row[0][5] > 0 && row[0][5] < row[0][2]*ev) {
			t.Errorf("customer 00004: expected_avg_value %v (want %v), clv %v (want in (0, %v))", row[0][4], ev, row[0][5], row[0][2]*ev)
		}
	}
	// Every customer gets finite predictions in range.
	bad := sqltest.Int(t, conn, `SELECT count(*) FROM clv(cd, customer, d, amount, calibration_end := DATE '1997-09-30')
		WHERE NOT (p_alive BETWEEN 0 AND 1 AND expected_purchases >= 0 AND isfinite(expected_purchases)
		           AND expected_avg_value > 0 AND clv >= 0 AND isfinite(clv))`)
	if bad != 0 {
		t.Errorf("%d customers with predictions out of range", bad)
	}
}

// TestCDNOWPeriodInvariance: the models do not depend on the time unit.
// Fitted in days instead of weeks, r, a, b, p, q and γ are unchanged, α
// is 7 times larger, and the log-likelihood falls by ln 7 per repeat
// purchase (each purchase time's density is in per-day units); every
// customer's predictions over the same horizon agree.
func TestCDNOWPeriodInvariance(t *testing.T) {
	needFile(t, cdnowSample)
	conn := sqltest.Open(t, Family)
	loadCDNOW(t, conn, cdnowSample, "cd", false)
	fit := func(period string) []float64 {
		return queryFloats(t, conn, `SELECT r, alpha, a, b, bgnbd_log_likelihood, p, q, gamma FROM clv_fit(cd, customer, d, amount,
			calibration_end := DATE '1997-09-30', period := '`+period+`')`)[0]
	}
	w, d := fit("week"), fit("day")
	for i, ratio := range []float64{1, 7, 1, 1, 0, 1, 1, 1} {
		if i == 4 {
			if want := w[4] - 2457*math.Log(7); !near(d[4], want, 1e-9) {
				t.Errorf("log-likelihood in days %v, want %v", d[4], want)
			}
			continue
		}
		if !near(d[i], ratio*w[i], 1e-5) {
			t.Errorf("parameter %d: %v in days, %v in weeks", i, d[i], w[i])
		}
	}
	diff := queryFloats(t, conn, `SELECT max(abs(w.p_alive - d.p_alive)), max(abs(w.expected_purchases - d.expected_purchases)),
		max(abs(w.clv - d.clv) / greatest(w.clv, 1)), count(*)
		FROM clv(cd, customer, d, amount, calibration_end := DATE '1997-09-30') w
		JOIN clv(cd, customer, d, amount, calibration_end := DATE '1997-09-30', period := 'day') d USING (customer)`)[0]
	if diff[0] > 1e-6 || diff[1] > 1e-6 || diff[2] > 1e-6 || diff[3] != 2357 {
		t.Errorf("week and day predictions differ by %v (p_alive, purchases, relative clv) over %v customers", diff[:3], diff[3])
	}
}
