package experiment

import (
	"database/sql"
	"math"
	"testing"
)

// readout is one row of ab_test, NULL numbers as NaN and a NULL warning
// as "".
type readout struct {
	variant            string
	isControl          bool
	users, conversions int64
	rate, uplift       float64
	ciLow, ciHigh      float64
	z, p               float64
	mean, valueUplift  float64
	valueLow, valueHi  float64
	t, df, valueP      float64
	warning            string
}

// abTest runs q, a SELECT * FROM ab_test(...), and returns its rows.
func abTest(tb testing.TB, conn *sql.Conn, q string) []readout {
	tb.Helper()
	rows, err := conn.QueryContext(tb.Context(), q)
	if err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []readout
	for rows.Next() {
		var r readout
		var f [13]sql.NullFloat64
		var w sql.NullString
		if err := rows.Scan(&r.variant, &r.isControl, &r.users, &r.conversions, &f[0], &f[1], &f[2], &f[3], &f[4], &f[5],
			&f[6], &f[7], &f[8], &f[9], &f[10], &f[11], &f[12], &w); err != nil {
			tb.Fatal(err)
		}
		v := make([]float64, len(f))
		for i := range f {
			v[i] = math.NaN()
			if f[i].Valid {
				v[i] = f[i].Float64
			}
		}
		r.rate, r.uplift, r.ciLow, r.ciHigh, r.z, r.p = v[0], v[1], v[2], v[3], v[4], v[5]
		r.mean, r.valueUplift, r.valueLow, r.valueHi, r.t, r.df, r.valueP = v[6], v[7], v[8], v[9], v[10], v[11], v[12]
		r.warning = w.String
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return out
}

// byVariant indexes readouts by variant.
func byVariant(rs []readout) map[string]readout {
	m := map[string]readout{}
	for _, r := range rs {
		m[r.variant] = r
	}
	return m
}

// closeTo reports whether got is within tol of want, relatively for
// large values (|got − want| ≤ tol·max(1, |want|)); NaN matches NaN.
func closeTo(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// check fails the test when got is not closeTo want.
func check(tb testing.TB, what string, got, want, tol float64) {
	tb.Helper()
	if !closeTo(got, want, tol) {
		tb.Errorf("%s = %.17g, want %.17g", what, got, want)
	}
}

// checkRel fails the test unless got is within tol of want relatively
// (for p-values, which may be tiny); NaN matches NaN.
func checkRel(tb testing.TB, what string, got, want, tol float64) {
	tb.Helper()
	if math.IsNaN(want) && math.IsNaN(got) || got == want {
		return
	}
	if !(math.Abs(got-want) <= tol*math.Abs(want)) {
		tb.Errorf("%s = %.17g, want %.17g (relative %g)", what, got, want, tol)
	}
}

// naive is the two-proportion comparison written plainly from the
// textbook formulas, with Go's math only: the reference the SQL is
// checked against.
type naive struct{ uplift, ciLow, ciHigh, z, p float64 }

func naiveCompare(n, k, nc, kc int64, alpha float64) naive {
	p, pc := float64(k)/float64(n), float64(kc)/float64(nc)
	pool := float64(k+kc) / float64(n+nc)
	zc := math.Sqrt2 * math.Erfinv(1-alpha) // Φ⁻¹(1 − α/2)
	se := math.Sqrt(p*(1-p)/float64(n) + pc*(1-pc)/float64(nc))
	r := naive{uplift: math.NaN(), z: math.NaN(), p: math.NaN(),
		ciLow: p - pc - zc*se, ciHigh: p - pc + zc*se}
	if pc > 0 {
		r.uplift = p/pc - 1
	}
	if pool > 0 && pool < 1 {
		r.z = (p - pc) / math.Sqrt(pool*(1-pool)*(1/float64(n)+1/float64(nc)))
		r.p = math.Erfc(math.Abs(r.z) / math.Sqrt2)
	}
	return r
}

// welch is Welch's test written plainly: t and the Welch–Satterthwaite
// df from the samples, the two-sided p-value by integrating the t
// density numerically (Simpson's rule), which shares nothing with the
// incomplete beta the package uses.
type welch struct{ diff, se, t, df, p float64 }

func naiveWelch(a, b []float64) welch {
	ma, va := meanVar(a)
	mb, vb := meanVar(b)
	wa, wb := va/float64(len(a)), vb/float64(len(b))
	se := math.Sqrt(wa + wb)
	w := welch{diff: ma - mb, se: se, t: (ma - mb) / se}
	w.df = (wa + wb) * (wa + wb) / (wa*wa/float64(len(a)-1) + wb*wb/float64(len(b)-1))
	w.p = 1 - 2*simpsonT(math.Abs(w.t), w.df)
	return w
}

// meanVar is the mean and the sample variance (n − 1) of xs.
func meanVar(xs []float64) (mean, variance float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		variance += (x - mean) * (x - mean)
	}
	return mean, variance / float64(len(xs)-1)
}

// simpsonT is ∫₀^x of the t density with df degrees of freedom,
// Γ((df+1)/2) / (√(df·π) Γ(df/2)) · (1 + u²/df)^(−(df+1)/2), by
// Simpson's rule on 20,000 intervals.
func simpsonT(x, df float64) float64 {
	lg1, _ := math.Lgamma((df + 1) / 2)
	lg2, _ := math.Lgamma(df / 2)
	c := math.Exp(lg1-lg2) / math.Sqrt(df*math.Pi)
	f := func(u float64) float64 { return c * math.Pow(1+u*u/df, -(df+1)/2) }
	const n = 20000
	h := x / n
	s := f(0) + f(x)
	for i := 1; i < n; i++ {
		w := 2.0
		if i%2 == 1 {
			w = 4
		}
		s += w * f(float64(i)*h)
	}
	return s * h / 3
}
