package clv

import "math"

// digamma is ψ(x), the derivative of ln Γ(x), for x > 0: the recurrence
// ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the asymptotic series, which is
// accurate to about 1e-16 there.
func digamma(x float64) float64 {
	r := 0.0
	for x < 10 {
		r -= 1 / x
		x++
	}
	f := 1 / (x * x)
	tail := f * (-1.0/12 + f*(1.0/120+f*(-1.0/252+f*(1.0/240+f*(-1.0/132+f*(691.0/32760-f/12))))))
	return r + math.Log(x) - 0.5/x + tail
}

// lgamma is ln |Γ(x)|.
func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

// logAddExp is ln(e^u + e^v) and the share e^v / (e^u + e^v) of v in
// it, computed without overflow.
func logAddExp(u, v float64) (sum, shareV float64) {
	if u >= v {
		e := math.Exp(v - u)
		return u + math.Log1p(e), e / (1 + e)
	}
	e := math.Exp(u - v)
	return v + math.Log1p(e), 1 / (1 + e)
}
