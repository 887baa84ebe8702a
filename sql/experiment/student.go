package experiment

import (
	"fmt"
	"math"
)

// largeDF is where the t distribution switches from the incomplete beta
// to a normal transformation. The continued fraction loses about
// df·1e−17 (relative) to cancellations in its denominators, while the
// transformation's error falls as 1/df²: checked against mpmath's betainc
// at 40 digits, both stay below about 2e−11 relative at 2·10⁶ for
// |t| ≤ 8, and above it the transformation is better.
const largeDF = 2e6

// studentTwoSided is P(|T| ≥ |t|) for Student's t with df degrees of
// freedom (df > 0, not necessarily whole): I_x(df/2, 1/2) with
// x = df/(df+t²). 1 − x = t²/(df+t²) is passed as computed, not as a
// difference, so the small p-values of large |t| keep their digits.
// Above largeDF it is 2·Φ(−z) with z = √((df − ½)·ln(1 + t²/df)), a
// normal transformation whose relative error, measured against mpmath,
// falls as 1/df² (and grows with |t|: about 1e−10·(1e6/df)² at |t| = 8).
func studentTwoSided(t, df float64) (float64, error) {
	if !(df > 0) {
		return math.NaN(), fmt.Errorf("expected degrees of freedom > 0, got %g", df)
	}
	if math.IsNaN(t) {
		return math.NaN(), fmt.Errorf("expected a number for t, got NaN")
	}
	if math.IsInf(t, 0) {
		return 0, nil
	}
	if df > largeDF {
		z := math.Sqrt((df - 0.5) * math.Log1p(t*t/df))
		return 2 * normalCDF(-z), nil
	}
	if math.Abs(t) > hugeT {
		return hugeTail(math.Abs(t), df), nil
	}
	t2 := t * t
	return regIncBeta(df/(df+t2), t2/(df+t2), df/2, 0.5)
}

// hugeT is where t² is so large that x = df/(df+t²) would underflow or
// t² overflow, and the tail has a closed form instead.
const hugeT = 1e100

// hugeTail is P(|T| ≥ t) for t > hugeT (and df ≤ largeDF): there
// 1 + t²/df is t²/df to double precision, so the density is
// C·(t²/df)^(−(df+1)/2) with C = 1/(√df·B(df/2, ½)), and its integral
// from t to ∞, doubled, is
//
//	2·df^(df/2 − 1)·t^(−df) / B(df/2, ½),
//
// computed in logarithms (for df 1 it is 2/(πt), the Cauchy tail).
func hugeTail(t, df float64) float64 {
	return math.Exp(math.Ln2 + (df/2-1)*math.Log(df) - df*math.Log(t) - logBeta(df/2, 0.5))
}

// studentCDF is P(T ≤ t) for Student's t with df degrees of freedom.
func studentCDF(t, df float64) (float64, error) {
	p, err := studentTwoSided(t, df)
	if err != nil {
		return math.NaN(), err
	}
	if t < 0 {
		return p / 2, nil
	}
	return 1 - p/2, nil
}

// studentQuantile is the t with P(T ≤ t) = p, for p in (0, 1). It
// solves studentTwoSided(t) = 2·min(p, 1−p) for t ≥ 0 by Newton's
// method on a bracket that always holds the root, falling back to
// bisection when a Newton step leaves it, and stops when the bracket or
// the step is within a few ulps of t.
func studentQuantile(p, df float64) (float64, error) {
	if !(p > 0 && p < 1) {
		return math.NaN(), fmt.Errorf("expected a probability in (0, 1), got %g", p)
	}
	if !(df > 0) {
		return math.NaN(), fmt.Errorf("expected degrees of freedom > 0, got %g", df)
	}
	if p == 0.5 {
		return 0, nil
	}
	target := 2 * math.Min(p, 1-p) // the two-sided tail area at the root
	sign := 1.0
	if p < 0.5 {
		sign = -1
	}
	if df > largeDF {
		// The inverse of studentTwoSided's transformation.
		z := normalQuantile(target / 2)
		return sign * math.Sqrt(df*math.Expm1(z*z/(df-0.5))), nil
	}
	// tail(t) = studentTwoSided(t) − target decreases in t ≥ 0: find a
	// bracket [lo, hi] with tail(lo) > 0 ≥ tail(hi).
	tail := func(t float64) (float64, error) {
		v, err := studentTwoSided(t, df)
		return v - target, err
	}
	lo, hi := 0.0, math.Max(1, -normalQuantile(target/2))
	for {
		v, err := tail(hi)
		if err != nil {
			return math.NaN(), err
		}
		if v <= 0 {
			break
		}
		lo, hi = hi, 2*hi
		if math.IsInf(hi, 0) {
			return math.NaN(), fmt.Errorf("no quantile for p=%g, df=%g", p, df)
		}
	}
	t := (lo + hi) / 2
	for range 400 {
		v, err := tail(t)
		if err != nil {
			return math.NaN(), err
		}
		if v == 0 {
			return sign * t, nil
		}
		if v > 0 {
			lo = t
		} else {
			hi = t
		}
		// d tail/dt = −2·density(t).
		next := t + v/(2*studentDensity(t, df))
		if !(next > lo && next < hi) {
			next = (lo + hi) / 2
		}
		if math.Abs(next-t) <= 4e-16*next || hi-lo <= 4e-16*hi {
			return sign * next, nil
		}
		t = next
	}
	return math.NaN(), fmt.Errorf("no convergence for the quantile p=%g, df=%g", p, df)
}

// studentDensity is the density of Student's t with df degrees of
// freedom at t:
//
//	(1 + t²/df)^(−(df+1)/2) / (√df · B(df/2, 1/2)).
func studentDensity(t, df float64) float64 {
	return math.Exp(-(df+1)/2*math.Log1p(t*t/df) - 0.5*math.Log(df) - logBeta(df/2, 0.5))
}
