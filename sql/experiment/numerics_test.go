package experiment

import (
	"math"
	"testing"
)

// TestNormal checks Φ and Φ⁻¹ against published values (the usual
// critical values of the normal table, and Φ(1) = 0.8413447460685429)
// and against each other.
func TestNormal(t *testing.T) {
	for _, c := range []struct{ p, z float64 }{
		{0.975, 1.959963984540054},
		{0.95, 1.6448536269514722},
		{0.995, 2.5758293035489004},
		{0.8, 0.8416212335729143},
		{0.5, 0},
		{0.025, -1.959963984540054},
	} {
		if got := normalQuantile(c.p); math.Abs(got-c.z) > 1e-14 {
			t.Errorf("normalQuantile(%g) = %.17g, want %.17g", c.p, got, c.z)
		}
		if got := normalCDF(c.z); math.Abs(got-c.p) > 1e-15 {
			t.Errorf("normalCDF(%.17g) = %.17g, want %g", c.z, got, c.p)
		}
	}
	if got := normalCDF(1); math.Abs(got-0.8413447460685429) > 1e-15 {
		t.Errorf("normalCDF(1) = %.17g", got)
	}
	// The lower tail keeps its relative accuracy: Φ(−10) = 7.619853024160527e−24.
	if got := normalCDF(-10); math.Abs(got/7.619853024160527e-24-1) > 1e-12 {
		t.Errorf("normalCDF(-10) = %g", got)
	}
	if got := normalQuantile(1e-20); math.Abs(normalCDF(got)/1e-20-1) > 1e-10 {
		t.Errorf("normalQuantile(1e-20) = %g, Φ of it %g", got, normalCDF(got))
	}
	for _, p := range []float64{0, 1, -0.1, 1.5, math.NaN()} {
		if !math.IsNaN(normalQuantile(p)) {
			t.Errorf("normalQuantile(%g) is a number", p)
		}
	}
}

// TestStudentClosedForms compares the t CDF with the closed forms for 1
// and 2 degrees of freedom: F₁(t) = ½ + atan(t)/π (Cauchy) and
// F₂(t) = ½ + t / (2√(2+t²)).
func TestStudentClosedForms(t *testing.T) {
	for _, x := range []float64{-50, -6.2, -1, -0.3, 0, 0.001, 0.5, 1, 2.5, 12.7, 400} {
		got1, err := studentCDF(x, 1)
		if err != nil {
			t.Fatal(err)
		}
		if want := 0.5 + math.Atan(x)/math.Pi; math.Abs(got1-want) > 1e-14 {
			t.Errorf("df 1: F(%g) = %.17g, want %.17g", x, got1, want)
		}
		got2, err := studentCDF(x, 2)
		if err != nil {
			t.Fatal(err)
		}
		if want := 0.5 + x/(2*math.Sqrt(2+x*x)); math.Abs(got2-want) > 1e-14 {
			t.Errorf("df 2: F(%g) = %.17g, want %.17g", x, got2, want)
		}
	}
	// Huge t, where t² overflows: the Cauchy tail 2·atan(1/t)/π and the
	// df-2 tail 1 − t/√(2+t²) = 2/(√(2+t²)·(√(2+t²) + t)), about 1/t²;
	// and either side of hugeT.
	for _, x := range []float64{1e99, 1e101, 1e200, 1e300} {
		p1, err := studentTwoSided(x, 1)
		if err != nil {
			t.Fatal(err)
		}
		if want := 2 * math.Atan(1/x) / math.Pi; math.Abs(p1/want-1) > 1e-13 {
			t.Errorf("df 1: P(|T| > %g) = %g, want %g", x, p1, want)
		}
		p2, err := studentTwoSided(-x, 2)
		if err != nil {
			t.Fatal(err)
		}
		if want := 1 / x / x; x < 1e150 && math.Abs(p2/want-1) > 1e-13 {
			t.Errorf("df 2: P(|T| > %g) = %g, want %g", x, p2, want)
		} else if x > 1e160 && p2 != 0 {
			t.Errorf("df 2: P(|T| > %g) = %g, want 0 (underflow)", x, p2)
		}
	}
	// Tails: P(|T| > 1e6) for df 1 is 2·atan(1e−6)/π, about 6.366e−7.
	p, err := studentTwoSided(1e6, 1)
	if err != nil {
		t.Fatal(err)
	}
	if want := 2 * math.Atan(1e-6) / math.Pi; math.Abs(p/want-1) > 1e-12 {
		t.Errorf("df 1: P(|T| > 1e6) = %g, want %g", p, want)
	}
}

// tTable is critical values t_p of Student's t with df degrees of
// freedom. Published tables (the NIST/SEMATECH e-Handbook's, 1.3.6.7.2)
// quote three decimals: 12.706, 4.303, 2.571, 2.042, 6.314, 2.015, 1.697,
// 4.032, 2.750, 1.886. The values here agree with those and carry 17
// digits, computed independently of this package with mpmath 1.3 (the
// root of betainc(df/2, 1/2, 0, df/(df+t²)) = 2(1−p) at 40 digits).
var tTable = []struct{ p, df, t float64 }{
	{0.975, 1, 12.706204736174693},
	{0.975, 2, 4.3026527297494618},
	{0.975, 5, 2.5705818356363148},
	{0.975, 30, 2.0422724563012379},
	{0.95, 1, 6.3137515146750374},
	{0.95, 5, 2.0150483733330235},
	{0.95, 30, 1.6972608865939574},
	{0.995, 5, 4.0321429835552272},
	{0.995, 30, 2.7499956535672250},
	{0.9, 2, 1.8856180831641270},
}

// nistTable is the same values as printed in the NIST table.
var nistTable = []float64{12.706, 4.303, 2.571, 2.042, 6.314, 2.015, 1.697, 4.032, 2.750, 1.886}

// TestStudentTable: the quantile of each table p is the table value, and
// the CDF at it is p.
func TestStudentTable(t *testing.T) {
	for i, c := range tTable {
		if math.Abs(c.t-nistTable[i]) > 0.0005 {
			t.Errorf("table row %d: %g is not NIST's %g", i, c.t, nistTable[i])
		}
		tol := 1e-13 * c.t
		q, err := studentQuantile(c.p, c.df)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(q-c.t) > tol {
			t.Errorf("quantile(%g; df %g) = %.17g, want %.17g", c.p, c.df, q, c.t)
		}
		if q, _ := studentQuantile(1-c.p, c.df); math.Abs(q+c.t) > tol {
			t.Errorf("quantile(%g; df %g) = %.17g, want %.17g", 1-c.p, c.df, q, -c.t)
		}
		got, err := studentCDF(c.t, c.df)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got-c.p) > 1e-13 {
			t.Errorf("F(%g; df %g) = %.17g, want %g", c.t, c.df, got, c.p)
		}
	}
	// Far tails: the Cauchy quantile is tan(π(p − ½)), −1/(πp) for tiny p.
	for _, p := range []float64{1e-12, 1e-100, 1e-300} {
		q, err := studentQuantile(p, 1)
		if err != nil {
			t.Fatal(err)
		}
		if want := -1 / (math.Pi * p); math.Abs(q/want-1) > 1e-11 {
			t.Errorf("df 1: quantile(%g) = %g, want %g", p, q, want)
		}
	}
	// df 2 has a closed-form quantile: t = (2p−1)/√(2p(1−p)).
	for _, p := range []float64{1e-9, 0.01, 0.3, 0.7, 0.999999} {
		q, err := studentQuantile(p, 2)
		if err != nil {
			t.Fatal(err)
		}
		if want := (2*p - 1) / math.Sqrt(2*p*(1-p)); math.Abs(q-want) > 1e-10*math.Abs(want) {
			t.Errorf("df 2: quantile(%g) = %.17g, want %.17g", p, q, want)
		}
	}
}

// largeDFTable is F(t) for t = −3, −1 and 2 at large (and non-whole)
// df, computed with mpmath 1.3 at 40 digits (as tTable): the range where
// the continued fraction loses digits and studentTwoSided switches to its
// normal transformation above largeDF.
var largeDFTable = []struct {
	df   float64
	want [3]float64
}{
	{1e3, [3]float64{0.0013833545221190962, 0.15877620904233615, 0.97711482675337418}},
	{1e4, [3]float64{0.0013532240949988331, 0.15866735216521456, 0.97723636966928228}},
	{1e5, [3]float64{0.0013502304420323596, 0.15865646378205501, 0.97724851827124677}},
	{1e6, [3]float64{0.0013499312707108985, 0.15865537491678906, 0.97724973307434040}},
	{2500000.37, [3]float64{0.0013499113272081969, 0.15865530232558995, 0.97724981406085201}},
	{1e7, [3]float64{0.0013499013555185806, 0.15865526602999297, 0.97724985455407852}},
	{1e8, [3]float64{0.0013498983640187472, 0.15865525514131067, 0.97724986670204662}},
	{1e9, [3]float64{0.0013498980648689578, 0.15865525405244241, 0.97724986791684338}},
}

// TestStudentLargeDF: Welch's df runs to millions; the CDF stays within
// 5e−11 (relative) of the reference there, and the quantile inverts it.
func TestStudentLargeDF(t *testing.T) {
	for _, c := range largeDFTable {
		for j, x := range []float64{-3, -1, 2} {
			got, err := studentCDF(x, c.df)
			if err != nil {
				t.Fatalf("df %g: %v", c.df, err)
			}
			if math.Abs(got/c.want[j]-1) > 5e-11 {
				t.Errorf("df %g: F(%g) = %.17g, want %.17g", c.df, x, got, c.want[j])
			}
			q, err := studentQuantile(got, c.df)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(q-x) > 1e-9 {
				t.Errorf("df %g: quantile(F(%g)) = %.17g", c.df, x, q)
			}
		}
	}
}

// TestRegIncBeta checks I_x(a, b) against closed forms: I_x(a, 1) = x^a,
// I_x(1, b) = 1 − (1−x)^b, I_x(2, 2) = 3x² − 2x³, and the symmetry
// I_x(a, b) = 1 − I_{1−x}(b, a).
func TestRegIncBeta(t *testing.T) {
	for _, x := range []float64{0.001, 0.2, 0.5, 0.77, 0.999} {
		for _, c := range []struct{ a, b, want float64 }{
			{3.5, 1, math.Pow(x, 3.5)},
			{1, 0.25, 1 - math.Pow(1-x, 0.25)},
			{2, 2, 3*x*x - 2*x*x*x},
			{1, 1, x},
		} {
			got, err := regIncBeta(x, 1-x, c.a, c.b)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(got-c.want) > 1e-14 {
				t.Errorf("I_%g(%g, %g) = %.17g, want %.17g", x, c.a, c.b, got, c.want)
			}
		}
		u, _ := regIncBeta(x, 1-x, 7.3, 0.6)
		v, _ := regIncBeta(1-x, x, 0.6, 7.3)
		if math.Abs(u+v-1) > 1e-14 {
			t.Errorf("symmetry at %g: %g + %g", x, u, v)
		}
	}
	for _, bad := range [][4]float64{{0.5, 0.5, 0, 1}, {0.5, 0.5, 1, -1}, {-0.1, 1.1, 1, 1}, {math.NaN(), 0.5, 1, 1}} {
		if _, err := regIncBeta(bad[0], bad[1], bad[2], bad[3]); err == nil {
			t.Errorf("regIncBeta%v: no error", bad)
		}
	}
}

// TestBetaLimits: a fraction that does not converge within its step
// budget is an error, not a value; parameters both too large to be
// accurate are refused.
func TestBetaLimits(t *testing.T) {
	if _, err := betaFraction(0.45, 30, 30, 2); err == nil {
		t.Error("two steps at the switch point: no error")
	}
	if _, err := betaFraction(0.45, 30, 30, betaMaxIter(30, 30)); err != nil {
		t.Errorf("full budget: %v", err)
	}
	if _, err := regIncBeta(0.5, 0.5, 1e15, 1e15); err == nil {
		t.Error("I(1e15, 1e15): no error")
	}
}

// TestStudentErrors: bad degrees of freedom or probabilities are errors.
func TestStudentErrors(t *testing.T) {
	if _, err := studentCDF(1, 0); err == nil {
		t.Error("df 0: no error")
	}
	if _, err := studentCDF(math.NaN(), 3); err == nil {
		t.Error("t NaN: no error")
	}
	for _, p := range []float64{0, 1, 2, math.NaN()} {
		if _, err := studentQuantile(p, 3); err == nil {
			t.Errorf("quantile(%g): no error", p)
		}
	}
	if _, err := studentQuantile(0.5, -1); err == nil {
		t.Error("quantile df -1: no error")
	}
	if p, err := studentTwoSided(math.Inf(1), 3); err != nil || p != 0 {
		t.Errorf("P(|T| > inf) = %g, %v", p, err)
	}
}
