package clv

import (
	"fmt"
	"math"
)

// BGNBD holds the parameters of the BG/NBD model (Fader, Hardie and Lee
// 2005): purchase rates λ ~ Gamma(shape R, rate Alpha) across customers,
// and a dropout probability after each repeat purchase p ~ Beta(A, B).
type BGNBD struct {
	R, Alpha, A, B float64
}

// bgData is a calibration sample prepared for fast likelihood
// evaluation: one row per distinct (x, t_x, T) with its count, and the
// distinct values of x, t_x and T, so that the logarithms and gamma
// functions are computed once per distinct value and evaluation, not
// once per customer.
type bgData struct {
	n    float64 // customers (the sum of the weights)
	xs   []float64
	txs  []float64
	ts   []float64
	rows []bgRow
	// scratch, per distinct value
	perX  []bgPerX
	perTx []bgPerV
	perT  []bgPerV
}

type bgRow struct {
	x, tx, t int32 // indexes into xs, txs, ts
	w        float64
}

type bgPerX struct {
	c          float64 // the terms of ln A1 + ln A2 that depend on x
	dr, da, db float64 // their derivatives in r, a and b
	lnA4       float64 // ln a − ln(b+x−1)
	invB       float64 // 1/(b+x−1)
}

type bgPerV struct{ ln, inv float64 } // ln(α+v), 1/(α+v)

// newBGData checks and indexes a sample: x whole and ≥ 0, 0 ≤ t_x ≤ T,
// weights > 0. (A customer with T = 0, first seen at the end of the
// calibration, has likelihood 1 and changes nothing.)
func newBGData(x, tx, T, w []float64) (*bgData, error) {
	if len(x) != len(tx) || len(x) != len(T) || len(x) != len(w) {
		return nil, fmt.Errorf("lists of different lengths")
	}
	d := &bgData{}
	xi, txi, ti := map[float64]int32{}, map[float64]int32{}, map[float64]int32{}
	index := func(m map[float64]int32, vals *[]float64, v float64) int32 {
		if i, ok := m[v]; ok {
			return i
		}
		i := int32(len(*vals))
		m[v] = i
		*vals = append(*vals, v)
		return i
	}
	for i := range x {
		switch {
		case !(x[i] >= 0) || x[i] != math.Floor(x[i]) || math.IsInf(x[i], 0):
			return nil, fmt.Errorf("frequency %g is not a whole number ≥ 0", x[i])
		case !(T[i] >= 0) || math.IsInf(T[i], 0):
			return nil, fmt.Errorf("T %g is negative", T[i])
		case !(tx[i] >= 0 && tx[i] <= T[i]):
			return nil, fmt.Errorf("recency %g is outside [0, T = %g]", tx[i], T[i])
		case !(w[i] > 0) || math.IsInf(w[i], 0):
			return nil, fmt.Errorf("weight %g is not positive", w[i])
		}
		d.rows = append(d.rows, bgRow{index(xi, &d.xs, x[i]), index(txi, &d.txs, tx[i]), index(ti, &d.ts, T[i]), w[i]})
		d.n += w[i]
	}
	d.perX = make([]bgPerX, len(d.xs))
	d.perTx = make([]bgPerV, len(d.txs))
	d.perT = make([]bgPerV, len(d.ts))
	return d, nil
}

// logLik is the BG/NBD log-likelihood of the sample at p, and, when grad
// is not nil, stores its gradient in (r, α, a, b) there. Per customer
//
//	L = A1·A2·(A3 + [x>0]·A4)
//	A1 = Γ(r+x) α^r / Γ(r)
//	A2 = Γ(a+b) Γ(b+x) / (Γ(b) Γ(a+b+x))
//	A3 = (α+T)^−(r+x)
//	A4 = a/(b+x−1) · (α+t_x)^−(r+x)
//
// summed in logarithms (ln(A3 + A4) by logAddExp).
func (d *bgData) logLik(p BGNBD, grad []float64) float64 {
	r, al, a, b := p.R, p.Alpha, p.A, p.B
	lr, lb, lab := lgamma(r), lgamma(b), lgamma(a+b)
	pr, pb, pab := digamma(r), digamma(b), digamma(a+b)
	want := grad != nil
	for i, x := range d.xs {
		q := &d.perX[i]
		q.c = lgamma(r+x) - lr + lab + lgamma(b+x) - lb - lgamma(a+b+x)
		if x > 0 {
			q.lnA4 = math.Log(a) - math.Log(b+x-1)
			q.invB = 1 / (b + x - 1)
		}
		if want {
			pabx := digamma(a + b + x)
			q.dr = digamma(r+x) - pr
			q.da = pab - pabx
			q.db = pab + digamma(b+x) - pb - pabx
		}
	}
	for i, v := range d.txs {
		d.perTx[i] = bgPerV{math.Log(al + v), 1 / (al + v)}
	}
	for i, v := range d.ts {
		d.perT[i] = bgPerV{math.Log(al + v), 1 / (al + v)}
	}
	lnAl := math.Log(al)
	var ll, gr, ga, gaa, gbb float64
	for _, row := range d.rows {
		x := d.xs[row.x]
		q := &d.perX[row.x]
		vT := d.perT[row.t]
		l3 := -(r + x) * vT.ln
		s, w4 := l3, 0.0
		if x > 0 {
			vx := d.perTx[row.tx]
			l4 := q.lnA4 - (r+x)*vx.ln
			s, w4 = logAddExp(l3, l4)
			if want {
				w3 := 1 - w4
				gr += row.w * (q.dr - w3*vT.ln - w4*vx.ln)
				ga += row.w * (-(r + x) * (w3*vT.inv + w4*vx.inv))
				gaa += row.w * (q.da + w4/a)
				gbb += row.w * (q.db - w4*q.invB)
			}
		} else if want {
			gr += row.w * (q.dr - vT.ln)
			ga += row.w * (-(r + x) * vT.inv)
			gaa += row.w * q.da
			gbb += row.w * q.db
		}
		ll += row.w * (q.c + s)
	}
	ll += d.n * r * lnAl
	if want {
		grad[0] = gr + d.n*lnAl
		grad[1] = ga + d.n*r/al
		grad[2] = gaa
		grad[3] = gbb
	}
	return ll
}

// PAlive is the probability that a customer with x repeat purchases, the
// last at t_x, observed for T, is still active at T:
//
//	P = 1 / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
func (p BGNBD) PAlive(x, tx, T float64) float64 {
	if x == 0 {
		return 1
	}
	l := math.Log(p.A) - math.Log(p.B+x-1) + (p.R+x)*(math.Log(p.Alpha+T)-math.Log(p.Alpha+tx))
	if l > 0 {
		e := math.Exp(-l)
		return e / (1 + e)
	}
	return 1 / (1 + math.Exp(l))
}

// ExpectedPurchases is E[Y(t) | x, t_x, T], the expected number of
// purchases of that customer in the t periods after T (Fader, Hardie and
// Lee 2005, equation 10):
//
//	E = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]
//	    / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
//
// The formula is singular at a = 1 (0/0); within 1e-7 of it, the value
// is the mean of those at a ± 2e-7.
func (p BGNBD) ExpectedPurchases(x, tx, T, t float64) (float64, error) {
	if t == 0 {
		return 0, nil
	}
	if math.Abs(p.A-1) < 1e-7 {
		lo, hi := p, p
		lo.A, hi.A = 1-2e-7, 1+2e-7
		u, err := lo.expectedPurchases(x, tx, T, t)
		if err != nil {
			return 0, err
		}
		v, err := hi.expectedPurchases(x, tx, T, t)
		return (u + v) / 2, err
	}
	return p.expectedPurchases(x, tx, T, t)
}

// expectedPurchases is ExpectedPurchases without the care at a = 1.
func (p BGNBD) expectedPurchases(x, tx, T, t float64) (float64, error) {
	r, al, a, b := p.R, p.Alpha, p.A, p.B
	z := t / (al + T + t)
	m, s, err := hyp2f1Scaled(r+x, b+x, a+b+x-1, z)
	if err != nil {
		return 0, err
	}
	// ((α+T)/(α+T+t))^(r+x) = (1−z)^(r+x)
	prod := m * math.Exp(s+(r+x)*math.Log1p(-z))
	e := (a + b + x - 1) / (a - 1) * (1 - prod) * p.PAlive(x, tx, T)
	if math.IsNaN(e) || math.IsInf(e, 0) {
		return 0, fmt.Errorf("expected purchases are not finite for x = %g, t_x = %g, T = %g, t = %g", x, tx, T, t)
	}
	return e, nil
}
