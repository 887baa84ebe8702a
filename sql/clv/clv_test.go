package clv

import (
	"math"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestCLVExcerpt: on the CDNOW excerpt (always present), every row of clv
// is Predict with clv_fit's parameters, over the horizon in weeks (12
// months = 365.25/7 weeks; 90 days = 90/7 weeks, a partial last month),
// and churn_risk = 1 − p_alive; customers without a repeat purchase are
// alive with probability 1.
func TestCLVExcerpt(t *testing.T) {
	conn := sqltest.Open(t, Family)
	loadCDNOW(t, conn, cdnowExcerpt, "cd", false)
	f := queryFloats(t, conn, `SELECT r, alpha, a, b, p, q, gamma, customers FROM clv_fit(cd, customer, d, amount, calibration_end := DATE '1997-09-30')`)[0]
	if f[7] != 17 {
		t.Fatalf("%v customers, want 17", f[7])
	}
	bg, gg := BGNBD{f[0], f[1], f[2], f[3]}, GammaGamma{f[4], f[5], f[6]}
	month := 365.25 / 12 / 7
	for _, c := range []struct {
		horizon string
		weeks   float64
		rate    float64
	}{{"INTERVAL 12 MONTH", 365.25 / 7, 0.01}, {"INTERVAL 90 DAY", 90.0 / 7, 0.02}, {"'2 years'", 2 * 365.25 / 7, 0}} {
		rows := queryFloats(t, conn, `SELECT frequency, recency, T, monetary_value, p_alive, expected_purchases, expected_avg_value, clv, churn_risk
			FROM clv(cd, customer, d, amount, calibration_end := DATE '1997-09-30', horizon := `+c.horizon+`, discount_rate := `+
			map[float64]string{0.01: "0.01", 0.02: "0.02", 0: "0"}[c.rate]+`)`)
		if len(rows) != 17 {
			t.Fatalf("%s: %d rows", c.horizon, len(rows))
		}
		for _, r := range rows {
			want, err := Predict(bg, gg, r[0], r[1], r[2], r[3], c.weeks, month, c.rate)
			if err != nil {
				t.Fatal(err)
			}
			got := Prediction{r[4], r[5], r[6], r[7]}
			for i, pair := range [][2]float64{{got.PAlive, want.PAlive}, {got.ExpectedPurchases, want.ExpectedPurchases},
				{got.ExpectedAvgValue, want.ExpectedAvgValue}, {got.CLV, want.CLV}} {
				if math.Abs(pair[0]-pair[1]) > 1e-9*math.Max(1, math.Abs(pair[1])) {
					t.Errorf("%s, customer %v: column %d is %v, Predict %v", c.horizon, r, i, pair[0], pair[1])
				}
			}
			if math.Abs(r[8]-(1-r[4])) > 1e-15 || (r[0] == 0 && r[4] != 1) || !(r[4] > 0 && r[4] <= 1) {
				t.Errorf("%s: p_alive %v, churn_risk %v, frequency %v", c.horizon, r[4], r[8], r[0])
			}
		}
	}
}
