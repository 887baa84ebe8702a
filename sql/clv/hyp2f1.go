package clv

import (
	"fmt"
	"math"
)

// hyp2f1MaxTerms bounds the series: it converges like z^n, so a million
// terms cover z up to about 1 − 3e-5; beyond that the caller gets an
// error rather than a truncated sum.
const hyp2f1MaxTerms = 1_000_000

// hyp2f1Scaled is Gauss's hypergeometric function 2F1(a, b; c; z) for
// 0 ≤ z < 1, summed as its power series
//
//	2F1(a, b; c; z) = Σ_n (a)_n (b)_n / ((c)_n n!) z^n
//
// and returned as mant·e^scale, so that values far beyond the range of a
// float64 (large a and b, as in a customer with hundreds of purchases)
// keep their precision: the running sum is rescaled whenever it grows
// past 1e200. The sum stops when a bound |t_n|·q/(1−q) on the rest of
// the series (q bounds every later term ratio; see the loop) is below
// 1e-16 of the sum. c must not be 0 or a
// negative whole number.
func hyp2f1Scaled(a, b, c, z float64) (mant, scale float64, err error) {
	if !(z >= 0 && z < 1) {
		return 0, 0, fmt.Errorf("hypergeometric 2F1: z = %g is outside [0, 1)", z)
	}
	if c <= 0 && c == math.Floor(c) {
		return 0, 0, fmt.Errorf("hypergeometric 2F1: c = %g is a non-positive whole number", c)
	}
	if math.IsNaN(a) || math.IsNaN(b) || math.IsNaN(c) {
		return 0, 0, fmt.Errorf("hypergeometric 2F1: NaN parameter")
	}
	term, sum := 1.0, 1.0
	if z == 0 {
		return 1, 0, nil
	}
	for n := 0; n < hyp2f1MaxTerms; n++ {
		fn := float64(n)
		ratio := (a + fn) * (b + fn) / ((c + fn) * (fn + 1)) * z
		term *= ratio
		sum += term
		if term == 0 {
			return sum, scale, nil
		}
		// Once n + 1 exceeds −a, −b and −c every later ratio is
		// z·(1 + (a−1)/(m+1))·(1 + (b−c)/(c+m)), m > n, a product of two
		// factors that tend monotonically to 1, so z times the larger of
		// 1 and each factor now bounds every later ratio, and the rest of
		// the series is at most |t|·q/(1−q).
		if m := fn + 1; m > -a && m > -b && m > -c {
			q := z * math.Max(1, 1+(a-1)/(m+1)) * math.Max(1, 1+(b-c)/(c+m))
			if q < 1 && math.Abs(term)*q/(1-q) <= 1e-16*math.Abs(sum) {
				return sum, scale, nil
			}
		}
		if math.Abs(sum) > 1e200 {
			sum *= 1e-200
			term *= 1e-200
			scale += 200 * math.Ln10
		}
		if math.IsInf(sum, 0) || math.IsNaN(sum) {
			break
		}
	}
	return 0, 0, fmt.Errorf("hypergeometric 2F1(%g, %g; %g; %g): the series did not converge in %d terms", a, b, c, z, hyp2f1MaxTerms)
}

// hyp2f1 is 2F1(a, b; c; z) as a float64 (±Inf when it is too large).
func hyp2f1(a, b, c, z float64) (float64, error) {
	m, s, err := hyp2f1Scaled(a, b, c, z)
	if err != nil {
		return 0, err
	}
	return m * math.Exp(s), nil
}
