package clv

import (
	"errors"
	"fmt"
	"math"
)

// fitGTol is the convergence threshold on the gradient of the mean
// negative log-likelihood per customer in the log-parameters: at it the
// fitted parameters are stable to far more digits than are reported.
const fitGTol = 1e-8

// logBound is the largest |ln θ| a fitted parameter may have. Fits at a
// limit of a model (see doc.go) stop, where the likelihood has stopped
// changing, with parameters up to about e^±25; a fit that runs past
// e^±40 is not approaching such a limit at a useful pace and is
// reported, not returned.
const logBound = 40.0

// BGNBDFit is a fitted BG/NBD model.
type BGNBDFit struct {
	BGNBD
	LogLik    float64 // at the fitted parameters
	Customers float64 // the sample size (sum of the weights)
}

// GammaGammaFit is a fitted Gamma-Gamma model.
type GammaGammaFit struct {
	GammaGamma
	LogLik    float64
	Customers float64
}

// FitBGNBD fits the BG/NBD model by maximum likelihood to customers given
// as distinct (x, t_x, T) triples with their counts w. Errors describe
// the data or the failure (no data, no repeat purchase, a fit that does
// not converge or runs to a boundary), never a silently bad fit.
func FitBGNBD(x, tx, T, w []float64) (BGNBDFit, error) {
	d, err := newBGData(x, tx, T, w)
	if err != nil {
		return BGNBDFit{}, err
	}
	if d.n < 2 {
		return BGNBDFit{}, fmt.Errorf("expected at least 2 customers, got %g", d.n)
	}
	repeat := false
	for _, v := range d.xs {
		repeat = repeat || v > 0
	}
	if !repeat {
		return BGNBDFit{}, errors.New("no customer has a repeat purchase (frequency > 0), so the BG/NBD model cannot be fitted")
	}
	grad := make([]float64, 4)
	f := func(th, g []float64) float64 {
		if !inBounds(th) {
			return math.NaN()
		}
		p := BGNBD{math.Exp(th[0]), math.Exp(th[1]), math.Exp(th[2]), math.Exp(th[3])}
		var gg []float64
		if g != nil {
			gg = grad
		}
		ll := d.logLik(p, gg)
		if g != nil {
			e := []float64{p.R, p.Alpha, p.A, p.B}
			for i := range g {
				g[i] = -gg[i] * e[i] / d.n
			}
		}
		return -ll / d.n
	}
	// The start: r = a = b = 1 and α at the mean T, which puts the mean
	// purchase rate at about one per observation window.
	meanT := 0.0
	for _, row := range d.rows {
		meanT += row.w * d.ts[row.t]
	}
	meanT /= d.n
	th, err := minimize(f, [][]float64{{0, math.Log(meanT), 0, 0}, {0, 0, 0, 0}, {math.Log(0.5), math.Log(meanT / 4), math.Log(0.5), math.Log(3)}})
	if err != nil {
		return BGNBDFit{}, fmt.Errorf("BG/NBD fit on %g customers: %w (too few or too uniform customers to identify the model?)", d.n, err)
	}
	p := BGNBD{math.Exp(th[0]), math.Exp(th[1]), math.Exp(th[2]), math.Exp(th[3])}
	return BGNBDFit{p, d.logLik(p, nil), d.n}, nil
}

// FitGammaGamma fits the Gamma-Gamma model by maximum likelihood to
// repeat customers given as distinct (x, mean spend) pairs with counts.
// A fit with q ≤ 1 is an error: the expected spend is not finite then.
func FitGammaGamma(x, m, w []float64) (GammaGammaFit, error) {
	d, err := newGGData(x, m, w)
	if err != nil {
		return GammaGammaFit{}, err
	}
	if d.n < 2 {
		return GammaGammaFit{}, fmt.Errorf("expected at least 2 customers with a repeat purchase, got %g", d.n)
	}
	grad := make([]float64, 3)
	f := func(th, g []float64) float64 {
		if !inBounds(th) {
			return math.NaN()
		}
		p := GammaGamma{math.Exp(th[0]), math.Exp(th[1]), math.Exp(th[2])}
		var gg []float64
		if g != nil {
			gg = grad
		}
		ll := d.logLik(p, gg)
		if g != nil {
			e := []float64{p.P, p.Q, p.Gamma}
			for i := range g {
				g[i] = -gg[i] * e[i] / d.n
			}
		}
		return -ll / d.n
	}
	meanM := 0.0
	for _, row := range d.rows {
		meanM += row.w * row.m
	}
	meanM /= d.n
	th, err := minimize(f, [][]float64{{0, 0, 0}, {0, math.Log(2), math.Log(meanM)}, {math.Log(5), math.Log(3), math.Log(meanM)}})
	if err != nil {
		return GammaGammaFit{}, fmt.Errorf("Gamma-Gamma fit on %g repeat customers: %w (too few or too uniform spends to identify the model?)", d.n, err)
	}
	p := GammaGamma{math.Exp(th[0]), math.Exp(th[1]), math.Exp(th[2])}
	if p.Q <= 1 {
		return GammaGammaFit{}, fmt.Errorf("Gamma-Gamma fit: q = %.4g ≤ 1, so the expected spend per purchase is not finite", p.Q)
	}
	return GammaGammaFit{p, d.logLik(p, nil), d.n}, nil
}

func inBounds(th []float64) bool {
	for _, v := range th {
		if !(math.Abs(v) <= logBound+5) {
			return false
		}
	}
	return true
}

// minimize runs bfgs from each start in turn until one converges,
// falling back on a Nelder–Mead search followed by bfgs when a start
// fails. Optima at the bound of the log-parameters
// are failures.
func minimize(f objective, starts [][]float64) ([]float64, error) {
	var best *optResult
	var lastErr error
	try := func(th0 []float64) {
		res, err := bfgs(f, th0, fitGTol, 500)
		if err != nil {
			nm := nelderMead(f, th0, 1, 1e-12, 4000)
			res, err = bfgs(f, nm.theta, fitGTol, 500)
		}
		if err == nil {
			for i, v := range res.theta {
				if math.Abs(v) > logBound {
					err = fmt.Errorf("%w: parameter %d runs to %s (the data do not identify the model)", errNoConvergence, i+1, map[bool]string{true: "infinity", false: "0"}[v > 0])
				}
			}
		}
		if err != nil {
			lastErr = err
			return
		}
		if best == nil || res.f < best.f {
			best = &res
		}
	}
	for _, s := range starts {
		if try(s); best != nil {
			break
		}
	}
	if best == nil {
		return nil, lastErr
	}
	return best.theta, nil
}
