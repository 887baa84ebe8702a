package clv

import (
	"fmt"
	"math"
)

// GammaGamma holds the parameters of the Gamma-Gamma spend model
// (Colombo and Jiang 1999; Fader, Hardie and Lee 2005): a customer's
// purchase values are Gamma(P, ν) around their own mean, and ν varies
// across customers as Gamma(shape Q, rate Gamma).
type GammaGamma struct {
	P, Q, Gamma float64
}

// ggData is a sample of repeat customers: one row per distinct
// (x, mean spend), x > 0, with its count.
type ggData struct {
	n    float64
	xs   []float64
	rows []ggRow
	perX []ggPerX
}

type ggRow struct {
	x           int32
	m, lnM, lnX float64
	w           float64
}

type ggPerX struct {
	c, dp, dq float64 // lnΓ(px+q) − lnΓ(px) and its derivatives (over x for p)
}

// newGGData checks and indexes a sample: x whole and > 0, m > 0.
func newGGData(x, m, w []float64) (*ggData, error) {
	if len(x) != len(m) || len(x) != len(w) {
		return nil, fmt.Errorf("lists of different lengths")
	}
	d := &ggData{}
	xi := map[float64]int32{}
	for i := range x {
		switch {
		case !(x[i] >= 1) || x[i] != math.Floor(x[i]) || math.IsInf(x[i], 0):
			return nil, fmt.Errorf("frequency %g is not a whole number ≥ 1", x[i])
		case !(m[i] > 0) || math.IsInf(m[i], 0):
			return nil, fmt.Errorf("monetary_value %g is not positive", m[i])
		case !(w[i] > 0) || math.IsInf(w[i], 0):
			return nil, fmt.Errorf("weight %g is not positive", w[i])
		}
		j, ok := xi[x[i]]
		if !ok {
			j = int32(len(d.xs))
			xi[x[i]] = j
			d.xs = append(d.xs, x[i])
		}
		d.rows = append(d.rows, ggRow{j, m[i], math.Log(m[i]), math.Log(x[i]), w[i]})
		d.n += w[i]
	}
	d.perX = make([]ggPerX, len(d.xs))
	return d, nil
}

// logLik is the Gamma-Gamma log-likelihood of the mean spends m given
// the numbers of purchases x,
//
//	ln f = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + m x)
//
// summed over the sample, with its gradient in (p, q, γ) when grad is
// not nil.
func (d *ggData) logLik(g GammaGamma, grad []float64) float64 {
	p, q, ga := g.P, g.Q, g.Gamma
	want := grad != nil
	for i, x := range d.xs {
		u := &d.perX[i]
		u.c = lgamma(p*x+q) - lgamma(p*x)
		if want {
			s := digamma(p*x + q)
			u.dp = s - digamma(p*x)
			u.dq = s
		}
	}
	lq, lnG := lgamma(q), math.Log(ga)
	var dq0 float64
	if want {
		dq0 = digamma(q)
	}
	var ll, gp, gq, gg float64
	for _, row := range d.rows {
		x := d.xs[row.x]
		u := &d.perX[row.x]
		den := ga + row.m*x
		lden := math.Log(den)
		ll += row.w * (u.c + (p*x-1)*row.lnM + p*x*row.lnX - (p*x+q)*lden)
		if want {
			gp += row.w * x * (u.dp + row.lnM + row.lnX - lden)
			gq += row.w * (u.dq - lden)
			gg += row.w * (-(p*x + q) / den)
		}
	}
	ll += d.n * (q*lnG - lq)
	if want {
		grad[0] = gp
		grad[1] = gq + d.n*(lnG-dq0)
		grad[2] = gg + d.n*q/ga
	}
	return ll
}

// ExpectedAverageValue is the conditional expected spend per purchase of
// a customer with x repeat purchases of mean m, E[M | x, m] =
// p(γ + x m)/(p x + q − 1): a weighted mean of the population mean
// pγ/(q−1) and m, the population mean for x = 0. It needs q > 1.
func (g GammaGamma) ExpectedAverageValue(x, m float64) float64 {
	if x == 0 {
		m = 0
	}
	return g.P * (g.Gamma + x*m) / (g.P*x + g.Q - 1)
}
