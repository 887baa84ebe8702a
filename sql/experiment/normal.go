package experiment

import "math"

// normalCDF is Φ(x), the standard normal distribution function, as
// erfc(−x/√2)/2: erfc keeps full relative accuracy in the lower tail, so
// 2·normalCDF(−|z|) is an accurate two-sided p-value even for large |z|.
func normalCDF(x float64) float64 {
	return 0.5 * math.Erfc(-x/math.Sqrt2)
}

// normalQuantile is Φ⁻¹(p) for p in (0, 1), and NaN outside (the
// callers check the range first). It is −√2·erfcinv(2p), except in the
// far tails: Go's Erfcinv(x) is Erfinv(1−x), which loses the digits of a
// small x, so below tailFrom the lower-tail quantile starts from a
// rational approximation in √(−2 ln p) (Abramowitz and Stegun 26.2.23,
// good to 4.5e−4) and is refined by Halley steps on Φ(x) − p, which
// normalCDF evaluates with full relative accuracy there.
func normalQuantile(p float64) float64 {
	switch {
	case !(p > 0 && p < 1):
		return math.NaN()
	case p > 1-tailFrom:
		return -lowerTailQuantile(1 - p)
	case p < tailFrom:
		return lowerTailQuantile(p)
	}
	return -math.Sqrt2 * math.Erfcinv(2*p)
}

// tailFrom is where normalQuantile switches to its tail method.
const tailFrom = 1e-6

// lowerTailQuantile is Φ⁻¹(p) for 0 < p < tailFrom.
func lowerTailQuantile(p float64) float64 {
	t := math.Sqrt(-2 * math.Log(p))
	x := -(t - (2.515517+t*(0.802853+t*0.010328))/(1+t*(1.432788+t*(0.189269+t*0.001308))))
	for range 20 {
		density := math.Exp(-x*x/2) / math.Sqrt(2*math.Pi)
		r := (normalCDF(x) - p) / density
		step := r / (1 + x*r/2)
		x -= step
		if math.Abs(step) <= 1e-15*math.Abs(x) {
			break
		}
	}
	return x
}
