package clv

import (
	"fmt"
	"math"
)

// Prediction is what clv reports for one customer.
type Prediction struct {
	PAlive, ExpectedPurchases, ExpectedAvgValue, CLV float64
}

// Predict is the prediction for a customer with x repeat purchases, the
// last at t_x, observed for T, of mean repeat spend m, over the horizon
// (in periods), with month the length of a month in periods and rate
// the monthly discount rate. The lifetime value discounts the expected
// purchases of each month of the horizon, valued at the expected spend
// per purchase, at the end of that month:
//
//	clv = Σ_{k=1..K} v · (E[Y(t_k)] − E[Y(t_{k−1})]) / (1 + rate)^(t_k/month)
//
// with t_k = min(k·month, horizon), t_0 = 0 and K = ⌈horizon/month⌉ (so
// a horizon of whole months is lifetimes' customer_lifetime_value, and
// the last, partial month of another horizon is discounted by its
// fraction of a month).
func Predict(bg BGNBD, gg GammaGamma, x, tx, T, m, horizon, month, rate float64) (Prediction, error) {
	out := Prediction{PAlive: bg.PAlive(x, tx, T), ExpectedAvgValue: gg.ExpectedAverageValue(x, m)}
	var err error
	if out.ExpectedPurchases, err = bg.ExpectedPurchases(x, tx, T, horizon); err != nil {
		return out, err
	}
	prev := 0.0
	for k := 1; ; k++ {
		t := math.Min(float64(k)*month, horizon)
		e := out.ExpectedPurchases
		if t < horizon {
			if e, err = bg.ExpectedPurchases(x, tx, T, t); err != nil {
				return out, err
			}
		}
		out.CLV += out.ExpectedAvgValue * (e - prev) / math.Pow(1+rate, t/month)
		prev = e
		if t >= horizon {
			break
		}
	}
	for _, v := range []float64{out.PAlive, out.ExpectedPurchases, out.ExpectedAvgValue, out.CLV} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return out, fmt.Errorf("the prediction is not finite for frequency %g, recency %g, T %g", x, tx, T)
		}
	}
	return out, nil
}
