package clv

import (
	"math"
	"strings"
	"testing"
)

// TestDigamma: exact values ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, ψ(10) =
// H_9 − γ, the recurrence ψ(x+1) = ψ(x) + 1/x at small x, and the
// derivative of ln Γ by central differences.
func TestDigamma(t *testing.T) {
	const euler = 0.57721566490153286
	for _, c := range []struct{ x, want float64 }{
		{1, -euler}, {0.5, -euler - 2*math.Ln2}, {10, 1 + 1.0/2 + 1.0/3 + 1.0/4 + 1.0/5 + 1.0/6 + 1.0/7 + 1.0/8 + 1.0/9 - euler},
	} {
		if got := digamma(c.x); math.Abs(got-c.want) > 1e-13 {
			t.Errorf("digamma(%v) = %.17g, want %.17g", c.x, got, c.want)
		}
	}
	for _, x := range []float64{1e-3, 0.243, 0.793, 2.426, 5.5, 6, 37.25, 1e4} {
		if got, want := digamma(x+1), digamma(x)+1/x; math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
			t.Errorf("digamma(%v+1) = %.17g, digamma(x) + 1/x = %.17g", x, got, want)
		}
		h := 1e-5 * x
		if d := (lgamma(x+h) - lgamma(x-h)) / (2 * h); math.Abs(d-digamma(x)) > 1e-6*math.Max(1, math.Abs(d)) {
			t.Errorf("digamma(%v) = %.12g, d lnΓ/dx = %.12g", x, digamma(x), d)
		}
	}
}

// TestHyp2F1Known: the series against closed forms.
func TestHyp2F1Known(t *testing.T) {
	for _, c := range []struct {
		name       string
		a, b, c, z float64
		want       float64
	}{
		{"z = 0", 3, 4, 5, 0, 1},
		{"-ln(1-z)/z", 1, 1, 2, 0.5, 2 * math.Ln2},
		{"-ln(1-z)/z near 1", 1, 1, 2, 0.99, -math.Log(0.01) / 0.99},
		{"(1-z)^-a", 2.5, 3.7, 3.7, 0.9, math.Pow(0.1, -2.5)},
		{"asin(z)/z", 0.5, 0.5, 1.5, 0.81, math.Asin(0.9) / 0.9},
		{"atanh(z)/z", 0.5, 1, 1.5, 0.25, math.Atanh(0.5) / 0.5},
		{"(1+z)/(1-z)^3 form", 2, 2, 1, 0.3, (1 + 0.3) / math.Pow(0.7, 3)},
		{"terminating", -3, 2, 4, 0.6, 1 - 3*2.0/4*0.6 + 3*(-3+1)*2*3.0/(4*5*2)*0.36*-1 + -1*(-3*-2*-1)*(2*3*4.0)/(4*5*6*6)*0.216*-1},
	} {
		got, err := hyp2f1(c.a, c.b, c.c, c.z)
		if err != nil || math.Abs(got-c.want) > 1e-13*math.Abs(c.want) {
			t.Errorf("%s: 2F1(%v, %v; %v; %v) = %.17g, %v; want %.17g", c.name, c.a, c.b, c.c, c.z, got, err, c.want)
		}
	}
}

// TestHyp2F1Euler: Euler's transformation 2F1(a, b; c; z) = (1−z)^(c−a−b)
// 2F1(c−a, c−b; c; z) holds for the parameters the BG/NBD expectation
// uses, including large ones (hundreds of purchases: values far beyond
// a float64, compared in logarithms) and a negative c.
func TestHyp2F1Euler(t *testing.T) {
	for _, c := range [][4]float64{
		{2.243, 4.426, 4.219, 0.47},
		{0.243, 2.426, 2.219, 0.9},
		{50.243, 52.426, 52.219, 0.47},
		{800.2, 802.4, 802.2, 0.6},
		{0.3, 0.4, -0.3, 0.5},
		{5.2, 1.1, 3.3, 0.999},
	} {
		a, b, cc, z := c[0], c[1], c[2], c[3]
		m1, s1, err1 := hyp2f1Scaled(a, b, cc, z)
		m2, s2, err2 := hyp2f1Scaled(cc-a, cc-b, cc, z)
		if err1 != nil || err2 != nil {
			t.Errorf("%v: %v, %v", c, err1, err2)
			continue
		}
		if m1 < 0 || m2 < 0 {
			t.Errorf("%v: negative %v %v", c, m1, m2)
			continue
		}
		l1 := math.Log(m1) + s1
		l2 := (cc-a-b)*math.Log1p(-z) + math.Log(m2) + s2
		if math.Abs(l1-l2) > 1e-12*math.Max(1, math.Abs(l1)) {
			t.Errorf("%v: ln 2F1 = %.15g, by Euler's transformation %.15g", c, l1, l2)
		}
	}
}

// TestHyp2F1Errors: z outside [0, 1), a pole c = 0, −1, ... and a series
// too slow to converge are errors, not values.
func TestHyp2F1Errors(t *testing.T) {
	for _, c := range []struct {
		a, b, c, z float64
		want       string
	}{
		{1, 1, 2, 1, "outside [0, 1)"},
		{1, 1, 2, -0.5, "outside [0, 1)"},
		{1, 1, -2, 0.5, "non-positive whole number"},
		{1, 1, 2.5, 1 - 1e-12, "did not converge"},
		{math.NaN(), 1, 2, 0.5, "NaN"},
	} {
		if _, err := hyp2f1(c.a, c.b, c.c, c.z); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("2F1(%v, %v; %v; %v): error %v, want %q", c.a, c.b, c.c, c.z, err, c.want)
		}
	}
}

// directBGNBD is the BG/NBD likelihood of one customer computed without
// logarithms, straight from the paper's formula.
func directBGNBD(p BGNBD, x, tx, T float64) float64 {
	a1 := math.Gamma(p.R+x) * math.Pow(p.Alpha, p.R) / math.Gamma(p.R)
	a2 := math.Gamma(p.A+p.B) * math.Gamma(p.B+x) / (math.Gamma(p.B) * math.Gamma(p.A+p.B+x))
	a3 := math.Pow(1/(p.Alpha+T), p.R+x)
	a4 := 0.0
	if x > 0 {
		a4 = p.A / (p.B + x - 1) * math.Pow(1/(p.Alpha+tx), p.R+x)
	}
	return a1 * a2 * (a3 + a4)
}

// TestBGNBDLikelihood: with every parameter 1, a customer with x = 0,
// T = 1 has L = 1/2 and one with x = 1, t_x = 1, T = 2 has L = 1·½·(1/9 +
// 1/4) = 13/72 (by hand); for other parameters the log-space sum equals
// the direct formula, weights count customers, and the gradient matches
// central differences.
func TestBGNBDLikelihood(t *testing.T) {
	d, err := newBGData([]float64{0, 1}, []float64{0, 1}, []float64{1, 2}, []float64{1, 1})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.logLik(BGNBD{1, 1, 1, 1}, nil), math.Log(0.5)+math.Log(13.0/72); math.Abs(got-want) > 1e-14 {
		t.Errorf("hand-computed sample: %.17g, want %.17g", got, want)
	}
	x := []float64{0, 1, 2, 2, 7, 0}
	tx := []float64{0, 3.5, 30.43, 10, 20, 0}
	T := []float64{10, 38.86, 38.86, 38.86, 25, 0}
	w := []float64{3, 1, 2, 1, 1, 4}
	d, err = newBGData(x, tx, T, w)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []BGNBD{{0.243, 4.414, 0.793, 2.426}, {2, 0.5, 3, 0.7}, {1, 1, 1, 1}} {
		want := 0.0
		for i := range x {
			want += w[i] * math.Log(directBGNBD(p, x[i], tx[i], T[i]))
		}
		g := make([]float64, 4)
		if got := d.logLik(p, g); math.Abs(got-want) > 1e-12*math.Abs(want) {
			t.Errorf("%+v: log-likelihood %.15g, direct %.15g", p, got, want)
		}
		vals := []*float64{&p.R, &p.Alpha, &p.A, &p.B}
		for i, v := range vals {
			old := *v
			h := 1e-6 * old
			*v = old + h
			up := d.logLik(p, nil)
			*v = old - h
			down := d.logLik(p, nil)
			*v = old
			if num := (up - down) / (2 * h); math.Abs(num-g[i]) > 1e-5*math.Max(1, math.Abs(num)) {
				t.Errorf("%+v: gradient %d = %.10g, central difference %.10g", p, i, g[i], num)
			}
		}
	}
}

// TestGammaGammaLikelihood: with p = q = γ = 1 a customer with x = 1 and
// m = 1 has f = Γ(2)/(Γ(1)Γ(1)) · 1 · 1 / 2² = 1/4 (by hand); otherwise
// the sum equals the direct formula and the gradient central differences.
func TestGammaGammaLikelihood(t *testing.T) {
	d, err := newGGData([]float64{1}, []float64{1}, []float64{1})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.logLik(GammaGamma{1, 1, 1}, nil); math.Abs(got-math.Log(0.25)) > 1e-15 {
		t.Errorf("hand-computed: %v, want ln 1/4", got)
	}
	x, m, w := []float64{1, 2, 2, 5}, []float64{10, 22.345, 40, 13.1}, []float64{2, 1, 1, 3}
	d, err = newGGData(x, m, w)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []GammaGamma{{6.25, 3.74, 15.44}, {1, 2, 3}} {
		want := 0.0
		for i := range x {
			px := g.P * x[i]
			f := math.Gamma(px+g.Q) / (math.Gamma(px) * math.Gamma(g.Q)) * math.Pow(g.Gamma, g.Q) *
				math.Pow(m[i], px-1) * math.Pow(x[i], px) / math.Pow(g.Gamma+m[i]*x[i], px+g.Q)
			want += w[i] * math.Log(f)
		}
		grad := make([]float64, 3)
		if got := d.logLik(g, grad); math.Abs(got-want) > 1e-12*math.Abs(want) {
			t.Errorf("%+v: %.15g, direct %.15g", g, got, want)
		}
		for i, v := range []*float64{&g.P, &g.Q, &g.Gamma} {
			old := *v
			h := 1e-6 * old
			*v = old + h
			up := d.logLik(g, nil)
			*v = old - h
			down := d.logLik(g, nil)
			*v = old
			if num := (up - down) / (2 * h); math.Abs(num-grad[i]) > 1e-5*math.Max(1, math.Abs(num)) {
				t.Errorf("%+v: gradient %d = %.10g, central difference %.10g", g, i, grad[i], num)
			}
		}
	}
}

// published are the BG/NBD parameters of the CDNOW sample in Fader,
// Hardie and Lee (2005).
var published = BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}

// TestWorkedExample: the paper's customer (x = 2, t_x = 30.43, T = 38.86
// weeks) with the published parameters expects 1.226 purchases in the
// next 39 weeks, and is alive with probability 1/(1 + 0.793/3.426 ·
// (43.274/34.844)^2.243) = 0.7266.
func TestWorkedExample(t *testing.T) {
	e, err := published.ExpectedPurchases(2, 30.43, 38.86, 39)
	if err != nil || math.Abs(e-1.226) > 5e-4 {
		t.Errorf("E[Y(39)] = %v, %v; want 1.226", e, err)
	}
	if p := published.PAlive(2, 30.43, 38.86); math.Abs(p-0.7266) > 5e-5 {
		t.Errorf("p_alive = %v, want 0.7266", p)
	}
	if p := published.PAlive(0, 0, 38.86); p != 1 {
		t.Errorf("p_alive without a repeat purchase = %v, want 1", p)
	}
	if e, err := published.ExpectedPurchases(2, 30.43, 38.86, 0); e != 0 || err != nil {
		t.Errorf("E[Y(0)] = %v, %v", e, err)
	}
}

// posteriorExpected computes E[Y(t) | x, t_x, T] without the
// hypergeometric function: integrating λ out in closed form leaves
//
//	E = A1 ∫₀¹ (1−p)^x / p · [(α+T)^−(r+x) − (α+T+p t)^−(r+x)] Beta(p; a, b) dp / L
//
// (given λ and p an active customer makes (1 − e^−λpt)/p purchases in
// t), integrated here by Simpson's rule in u with p = u^(2/a), which
// makes the integrand smooth at p = 0 (p^(a−1) dp = (2/a) u du).
func posteriorExpected(p BGNBD, x, tx, T, t float64) float64 {
	a1 := math.Exp(lgamma(p.R+x) - lgamma(p.R) + p.R*math.Log(p.Alpha))
	lbeta := lgamma(p.A) + lgamma(p.B) - lgamma(p.A+p.B)
	c := 2 / p.A
	f := func(u float64) float64 {
		q := math.Pow(u, c)
		var bracketOverP float64
		if q == 0 {
			bracketOverP = (p.R + x) * t * math.Pow(p.Alpha+T, -(p.R+x)-1) // the limit p → 0
		} else if q < 1 {
			bracketOverP = (math.Pow(p.Alpha+T, -(p.R+x)) - math.Pow(p.Alpha+T+q*t, -(p.R+x))) / q
		}
		return math.Pow(1-q, x+p.B-1) * bracketOverP * c * u * math.Exp(-lbeta)
	}
	const n = 20000
	h := 1.0 / n
	s := f(0) + f(1)
	for i := 1; i < n; i++ {
		w := 2.0
		if i%2 == 1 {
			w = 4
		}
		s += w * f(float64(i)*h)
	}
	return a1 * s * h / 3 / directBGNBD(p, x, tx, T)
}

// TestExpectedPurchasesByIntegration: the 2F1 formula agrees with direct
// numerical integration over the posterior of (λ, p), for customers with
// no, a few and many repeat purchases and short and long horizons.
func TestExpectedPurchasesByIntegration(t *testing.T) {
	for _, c := range []struct {
		p           BGNBD
		x, tx, T, t float64
	}{
		{published, 2, 30.43, 38.86, 39},
		{published, 0, 0, 38.86, 52},
		{published, 10, 37, 38, 10},
		{BGNBD{1.5, 10, 2, 3}, 5, 20, 30, 100},
		{BGNBD{0.5, 2, 3.5, 1.2}, 1, 5, 40, 52},
	} {
		got, err := c.p.ExpectedPurchases(c.x, c.tx, c.T, c.t)
		want := posteriorExpected(c.p, c.x, c.tx, c.T, c.t)
		if err != nil || math.Abs(got-want) > 1e-8*want {
			t.Errorf("%+v x=%v t_x=%v T=%v t=%v: %.10g, %v; by integration %.10g", c.p, c.x, c.tx, c.T, c.t, got, err, want)
		}
	}
}

// TestExpectedPurchasesNearAOne: at a = 1 the formula is 0/0; the value
// there lies between those just either side of it.
func TestExpectedPurchasesNearAOne(t *testing.T) {
	at := func(a float64) float64 {
		p := published
		p.A = a
		e, err := p.ExpectedPurchases(2, 30.43, 38.86, 39)
		if err != nil || math.IsNaN(e) {
			t.Fatalf("a = %v: %v, %v", a, e, err)
		}
		return e
	}
	lo, mid, hi := at(1-1e-4), at(1), at(1+1e-4)
	if !(math.Min(lo, hi) <= mid && mid <= math.Max(lo, hi)) || math.Abs(hi-lo) > 1e-3 {
		t.Errorf("E near a = 1: %v, %v, %v", lo, mid, hi)
	}
}

// TestPredictDiscounting: with a zero discount rate clv is the expected
// spend times the expected purchases; with a positive one it is less,
// and a 12-month horizon is the sum over 12 monthly steps of lifetimes'
// customer_lifetime_value.
func TestPredictDiscounting(t *testing.T) {
	gg := GammaGamma{6.25, 3.74, 15.44}
	month := 365.25 / 12 / 7
	h := 12 * month
	p0, err := Predict(published, gg, 2, 30.43, 38.86, 22.345, h, month, 0)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(p0.CLV-p0.ExpectedPurchases*p0.ExpectedAvgValue) > 1e-9 {
		t.Errorf("undiscounted clv %v, want %v", p0.CLV, p0.ExpectedPurchases*p0.ExpectedAvgValue)
	}
	p1, err := Predict(published, gg, 2, 30.43, 38.86, 22.345, h, month, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	want, prev := 0.0, 0.0
	for k := 1; k <= 12; k++ {
		e, _ := published.ExpectedPurchases(2, 30.43, 38.86, float64(k)*month)
		want += p1.ExpectedAvgValue * (e - prev) / math.Pow(1.01, float64(k))
		prev = e
	}
	if math.Abs(p1.CLV-want) > 1e-9 || !(p1.CLV < p0.CLV) {
		t.Errorf("discounted clv %v, want %v (< %v)", p1.CLV, want, p0.CLV)
	}
	if ev := gg.ExpectedAverageValue(2, 22.345); math.Abs(p1.ExpectedAvgValue-ev) > 1e-12 ||
		math.Abs(ev-6.25*(15.44+2*22.345)/(6.25*2+3.74-1)) > 1e-12 {
		t.Errorf("expected_avg_value %v, %v", p1.ExpectedAvgValue, ev)
	}
	if ev := gg.ExpectedAverageValue(0, 99); math.Abs(ev-6.25*15.44/2.74) > 1e-12 {
		t.Errorf("expected_avg_value without repeat purchases %v, want the population mean %v", ev, 6.25*15.44/2.74)
	}
}
