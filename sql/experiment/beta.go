package experiment

import (
	"fmt"
	"math"
)

// The continued fraction's stopping rule: it stops when a step changes
// the value by less than betaEps (relatively) and fails, rather than
// returning a poor value, when that takes more than betaMaxIter(a, b)
// steps.
const (
	betaEps  = 1e-15
	betaTiny = 1e-300 // keeps Lentz's denominators away from zero
)

// betaMaxIter is the step budget of the continued fraction for I_x(a, b):
// below the switch point it needs O(√max(a, b)) steps, so the budget
// grows with the parameters (a Welch df of millions has a = df/2).
func betaMaxIter(a, b float64) int {
	return 1000 + int(20*math.Sqrt(math.Max(a, b)))
}

// betaMaxSmall is the largest smaller parameter regIncBeta accepts: when
// both parameters are large the factor x^a·y^b/B(a, b) is a difference of
// large logarithms and loses digits (about min(a, b)·1e-16), so such
// pairs are refused rather than answered badly. The t distribution only
// needs b = ½.
const betaMaxSmall = 1e4

// regIncBeta is the regularized incomplete beta function I_x(a, b) for
// a, b > 0 (the smaller at most betaMaxSmall) and x in [0, 1], given x
// and y = 1 − x separately so that a caller who knows 1 − x more
// precisely than x (or the reverse) does not lose it to a subtraction.
// It evaluates the continued fraction for I_x(a, b) where it converges
// fast, x < (a+1)/(a+b+2), and otherwise uses I_x(a, b) = 1 − I_y(b, a).
func regIncBeta(x, y, a, b float64) (float64, error) {
	switch {
	case !(a > 0 && b > 0):
		return math.NaN(), fmt.Errorf("incomplete beta: expected positive parameters, got a=%g b=%g", a, b)
	case math.Min(a, b) > betaMaxSmall:
		return math.NaN(), fmt.Errorf("incomplete beta: parameters a=%g b=%g both above %g", a, b, float64(betaMaxSmall))
	case !(x >= 0 && y >= 0):
		return math.NaN(), fmt.Errorf("incomplete beta: expected x in [0, 1], got x=%g", x)
	case x == 0:
		return 0, nil
	case y == 0:
		return 1, nil
	}
	if x < (a+1)/(a+b+2) {
		cf, err := betaFraction(x, a, b, betaMaxIter(a, b))
		return betaFront(x, y, a, b) * cf / a, err
	}
	cf, err := betaFraction(y, b, a, betaMaxIter(a, b))
	return 1 - betaFront(y, x, b, a)*cf/b, err
}

// betaFront is x^a · y^b / B(a, b), the factor in front of the
// continued fraction, computed in logarithms. The logarithm of whichever
// of x and y is near 1 is taken as log1p of minus the other, which is
// what keeps a·ln x accurate for a huge a (a Welch df of millions).
func betaFront(x, y, a, b float64) float64 {
	return math.Exp(a*logOf(x, y) + b*logOf(y, x) - logBeta(a, b))
}

// logOf is ln x for x = 1 − y.
func logOf(x, y float64) float64 {
	if x > 0.5 {
		return math.Log1p(-y)
	}
	return math.Log(x)
}

// betaFraction evaluates the continued fraction
//
//	1 / (1 + d₁/(1 + d₂/(1 + ...)))
//
// with d₂ₘ₊₁ = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)) and
// d₂ₘ = m(b−m)x / ((a+2m−1)(a+2m)), by the modified Lentz method: the
// value is the running product of the ratios C/D of successive
// convergents, and it stops when a whole step (an even and an odd term)
// changes it by less than betaEps, failing after limit steps.
func betaFraction(x, a, b float64, limit int) (float64, error) {
	guard := func(v float64) float64 {
		if math.Abs(v) < betaTiny {
			return betaTiny
		}
		return v
	}
	// The first term, d₁, on top of the leading 1.
	c := 1.0
	d := 1 / guard(1-(a+b)*x/(a+1))
	f := d
	for m := 1; m <= limit; m++ {
		fm := float64(m)
		for _, dm := range [2]float64{
			fm * (b - fm) * x / ((a + 2*fm - 1) * (a + 2*fm)),
			-(a + fm) * (a + b + fm) * x / ((a + 2*fm) * (a + 2*fm + 1)),
		} {
			d = 1 / guard(1+dm*d)
			c = guard(1 + dm/c)
			f *= c * d
		}
		if math.Abs(c*d-1) < betaEps {
			return f, nil
		}
	}
	return math.NaN(), fmt.Errorf("incomplete beta: no convergence after %d steps (x=%g, a=%g, b=%g)", limit, x, a, b)
}

// logBeta is ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b). When the larger
// parameter is big, ln Γ(big) and ln Γ(big+small) are both huge and
// nearly equal, so their difference is taken from Stirling's series
// instead of subtracting two rounded values.
func logBeta(a, b float64) float64 {
	small, big := math.Min(a, b), math.Max(a, b)
	if big < stirlingFrom {
		return lgamma(a) + lgamma(b) - lgamma(a+b)
	}
	return lgamma(small) - lgammaRise(big, small)
}

// stirlingFrom is where Stirling's series (four correction terms) is
// accurate to double precision.
const stirlingFrom = 50

// lgammaRise is ln Γ(z+s) − ln Γ(z) for z ≥ stirlingFrom and s > 0, from
// ln Γ(z) = (z−½) ln z − z + ½ ln 2π + S(z):
//
//	(z+s−½) ln(z+s) − (z−½) ln z − s = (z−½)·log1p(s/z) + s·ln(z+s) − s
//
// plus S(z+s) − S(z), with no cancellation between large terms.
func lgammaRise(z, s float64) float64 {
	return (z-0.5)*math.Log1p(s/z) + s*math.Log(z+s) - s + stirlingTail(z+s) - stirlingTail(z)
}

// stirlingTail is S(z) = 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷),
// the correction terms of Stirling's series for ln Γ.
func stirlingTail(z float64) float64 {
	w := 1 / (z * z)
	return (1.0/12 - w*(1.0/360-w*(1.0/1260-w/1680))) / z
}

// lgamma is ln |Γ(x)|.
func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}
