package clv

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// rosenbrock is the classic banana-shaped test function, minimum 0 at
// (1, 1), with its gradient.
func rosenbrock(th, g []float64) float64 {
	x, y := th[0], th[1]
	if g != nil {
		g[0] = -2*(1-x) - 400*x*(y-x*x)
		g[1] = 200 * (y - x*x)
	}
	return (1-x)*(1-x) + 100*(y-x*x)*(y-x*x)
}

// TestOptimisersRosenbrock: bfgs and Nelder–Mead find the minimum of the
// Rosenbrock function from the usual start (−1.2, 1); bfgs fails (an
// error wrapping errNoConvergence) when it is given too few iterations.
func TestOptimisersRosenbrock(t *testing.T) {
	res, err := bfgs(rosenbrock, []float64{-1.2, 1}, 1e-10, 500)
	if err != nil || math.Abs(res.theta[0]-1) > 1e-6 || math.Abs(res.theta[1]-1) > 1e-6 {
		t.Errorf("bfgs: %+v, %v", res, err)
	}
	nm := nelderMead(rosenbrock, []float64{-1.2, 1}, 0.5, 1e-15, 5000)
	if math.Abs(nm.theta[0]-1) > 1e-3 || math.Abs(nm.theta[1]-1) > 1e-3 {
		t.Errorf("Nelder–Mead: %+v", nm)
	}
	if _, err := bfgs(rosenbrock, []float64{-1.2, 1}, 1e-10, 3); !errors.Is(err, errNoConvergence) {
		t.Errorf("bfgs with 3 iterations: %v, want a convergence error", err)
	}
	nan := func(th, g []float64) float64 { return math.NaN() }
	if _, err := bfgs(nan, []float64{0}, 1e-8, 10); !errors.Is(err, errNoConvergence) {
		t.Errorf("bfgs on NaN: %v", err)
	}
}

// gammaRand draws from Gamma(shape k, rate 1) (Marsaglia and Tsang).
func gammaRand(r *rand.Rand, k float64) float64 {
	if k < 1 {
		return gammaRand(r, k+1) * math.Pow(r.Float64(), 1/k)
	}
	d := k - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if math.Log(u) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v
		}
	}
}

// simulateBGNBD draws n customers from the BG/NBD model with parameters
// p, each observed for a T uniform in [minT, maxT], and returns their
// distinct (x, t_x, T) triples with counts.
func simulateBGNBD(seed uint64, p BGNBD, n int, minT, maxT float64) (x, tx, T, w []float64) {
	r := rand.New(rand.NewPCG(seed, 1))
	type key struct{ x, tx, T float64 }
	counts := map[key]float64{}
	var order []key
	for range n {
		lambda := gammaRand(r, p.R) / p.Alpha
		ga, gb := gammaRand(r, p.A), gammaRand(r, p.B)
		drop := ga / (ga + gb)
		obs := minT + r.Float64()*(maxT-minT)
		obs = math.Round(obs*7) / 7 // whole days, as in real data
		var k key
		k.T = obs
		now := 0.0
		for {
			now += r.ExpFloat64() / lambda
			if now > obs {
				break
			}
			k.x++
			k.tx = math.Round(now*7) / 7
			if r.Float64() < drop {
				break
			}
		}
		if counts[k] == 0 {
			order = append(order, k)
		}
		counts[k]++
	}
	for _, k := range order {
		x, tx, T, w = append(x, k.x), append(tx, k.tx), append(T, k.T), append(w, counts[k])
	}
	return
}

// TestFitRecoversBGNBD: on 20,000 customers simulated from known
// parameters, the fit lands within 15% of each of them, at a
// log-likelihood at least that of the true parameters (a maximum), with
// a zero gradient.
func TestFitRecoversBGNBD(t *testing.T) {
	for _, truth := range []BGNBD{{0.5, 5, 0.8, 2.5}, {2, 10, 1.5, 4}} {
		x, tx, T, w := simulateBGNBD(7, truth, 20000, 30, 40)
		fit, err := FitBGNBD(x, tx, T, w)
		if err != nil {
			t.Fatalf("%+v: %v", truth, err)
		}
		got := []float64{fit.R, fit.Alpha, fit.A, fit.B}
		want := []float64{truth.R, truth.Alpha, truth.A, truth.B}
		for i := range got {
			if !near(got[i], want[i], 0.15) {
				t.Errorf("%+v: fitted %+v", truth, fit.BGNBD)
				break
			}
		}
		d, _ := newBGData(x, tx, T, w)
		g := make([]float64, 4)
		atTruth := d.logLik(truth, nil)
		if ll := d.logLik(fit.BGNBD, g); ll < atTruth || math.Abs(ll-fit.LogLik) > 1e-9 || fit.Customers != 20000 {
			t.Errorf("%+v: log-likelihood %v (reported %v), at the truth %v, %v customers", truth, ll, fit.LogLik, atTruth, fit.Customers)
		}
		for i, v := range got {
			if math.Abs(g[i]*v/fit.Customers) > 1e-6 {
				t.Errorf("%+v: gradient %v at the fit", truth, g)
			}
		}
	}
}

// TestFitRecoversGammaGamma: the same for the spend model, on 5,000
// repeat customers with 1 to 10 purchases.
func TestFitRecoversGammaGamma(t *testing.T) {
	truth := GammaGamma{6, 4, 15}
	r := rand.New(rand.NewPCG(3, 4))
	var x, m, w []float64
	for range 5000 {
		nu := gammaRand(r, truth.Q) / truth.Gamma
		k := 1 + r.IntN(10)
		s := 0.0
		for range k {
			s += gammaRand(r, truth.P) / nu
		}
		x, m, w = append(x, float64(k)), append(m, s/float64(k)), append(w, 1)
	}
	fit, err := FitGammaGamma(x, m, w)
	if err != nil {
		t.Fatal(err)
	}
	if !near(fit.P, truth.P, 0.15) || !near(fit.Q, truth.Q, 0.15) || !near(fit.Gamma, truth.Gamma, 0.2) {
		t.Errorf("fitted %+v, truth %+v", fit.GammaGamma, truth)
	}
	d, _ := newGGData(x, m, w)
	if d.logLik(fit.GammaGamma, nil) < d.logLik(truth, nil) {
		t.Errorf("log-likelihood at the fit below that at the truth")
	}
	// With q < 1 the mean spend has no finite mean across customers, and
	// the fit says so rather than returning an expected spend.
	x, m, w = nil, nil, nil
	for range 5000 {
		nu := gammaRand(r, 0.6) / 15
		k := 1 + r.IntN(10)
		s := 0.0
		for range k {
			s += gammaRand(r, 6) / nu
		}
		x, m, w = append(x, float64(k)), append(m, s/float64(k)), append(w, 1)
	}
	if f, err := FitGammaGamma(x, m, w); err == nil || !strings.Contains(err.Error(), "≤ 1, so the expected spend per purchase is not finite") {
		t.Errorf("q < 1: %+v, %v", f, err)
	}
}

// TestFitErrors: samples that cannot identify the models fail with an
// error saying why, never with parameters.
func TestFitErrors(t *testing.T) {
	for _, c := range []struct {
		name        string
		x, tx, T, w []float64
		want        string
	}{
		{"one customer", []float64{3}, []float64{20}, []float64{30}, []float64{1}, "at least 2 customers"},
		{"nobody came back", []float64{0, 0}, []float64{0, 0}, []float64{30, 20}, []float64{50, 20}, "no customer has a repeat purchase"},
		{"two customers", []float64{3, 1}, []float64{20, 5}, []float64{30, 30}, []float64{1, 1}, "did not converge"},
		{"recency after T", []float64{1, 0}, []float64{40, 0}, []float64{30, 30}, []float64{1, 1}, "outside"},
		{"fractional frequency", []float64{1.5, 0}, []float64{4, 0}, []float64{30, 30}, []float64{1, 1}, "whole number"},
		{"NaN", []float64{1, 0}, []float64{math.NaN(), 0}, []float64{30, 30}, []float64{1, 1}, "outside"},
	} {
		if f, err := FitBGNBD(c.x, c.tx, c.T, c.w); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %+v, %v; want an error containing %q", c.name, f, err, c.want)
		}
	}
	for _, c := range []struct {
		name    string
		x, m, w []float64
		want    string
	}{
		{"one customer", []float64{2}, []float64{10}, []float64{1}, "at least 2"},
		{"zero spend", []float64{2, 1}, []float64{0, 5}, []float64{1, 1}, "not positive"},
		{"identical spend", []float64{2, 1, 3}, []float64{10, 10, 10}, []float64{5, 5, 5}, "converge"},
	} {
		if f, err := FitGammaGamma(c.x, c.m, c.w); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %+v, %v; want an error containing %q", c.name, f, err, c.want)
		}
	}
}
