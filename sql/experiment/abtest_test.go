package experiment

import (
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// arm is one variant of a synthetic test: users users, the first
// conversions of them converted.
type arm struct {
	name               string
	users, conversions int64
}

// makeSource creates table name(g VARCHAR, c BOOLEAN, c01 INTEGER) with
// one row per user of the arms.
func makeSource(tb testing.TB, conn *sql.Conn, name string, arms ...arm) {
	tb.Helper()
	var parts []string
	for _, a := range arms {
		parts = append(parts, fmt.Sprintf(`SELECT '%s' AS g, i < %d AS c, (i < %d)::INTEGER AS c01 FROM range(%d) t(i)`,
			a.name, a.conversions, a.conversions, a.users))
	}
	sqltest.Exec(tb, conn, `CREATE OR REPLACE TABLE `+name+` AS `+strings.Join(parts, " UNION ALL "))
}

// TestHandVector: 1000 users with 100 conversions (A, the control)
// against 1000 with 130 (B). By hand:
//
//	p_c = 0.10, p = 0.13, uplift = 0.13/0.10 − 1 = 0.30
//	pooled p̄ = 230/2000 = 0.115, se₀ = √(0.115·0.885·(2/1000)) = 0.0142671
//	z = 0.03 / 0.0142671 = 2.10274, p = 2·Φ(−2.10274) = 0.0354885
//	se = √(0.1·0.9/1000 + 0.13·0.87/1000) = √0.0002031 = 0.0142513
//	95% CI = 0.03 ± 1.959964·0.0142513 = [0.0020679, 0.0579321]
//
// The SQL must match these to their digits, and the naive Go formulas
// to 1e-12.
func TestHandVector(t *testing.T) {
	conn := sqltest.Open(t, Family)
	makeSource(t, conn, "h", arm{"A", 1000, 100}, arm{"B", 1000, 130})
	rs := abTest(t, conn, `SELECT * FROM ab_test(h, g, c)`)
	if len(rs) != 2 || rs[0].variant != "A" || !rs[0].isControl || rs[1].variant != "B" || rs[1].isControl {
		t.Fatalf("rows %+v", rs)
	}
	a, b := rs[0], rs[1]
	if a.users != 1000 || a.conversions != 100 || b.users != 1000 || b.conversions != 130 {
		t.Errorf("counts %+v %+v", a, b)
	}
	check(t, "control rate", a.rate, 0.10, 1e-15)
	check(t, "control uplift", a.uplift, 0, 0)
	for what, v := range map[string]float64{"ci_low": a.ciLow, "ci_high": a.ciHigh, "z": a.z, "p": a.p, "mean": a.mean, "t": a.t} {
		if !math.IsNaN(v) {
			t.Errorf("control %s = %g, want NULL", what, v)
		}
	}
	check(t, "rate", b.rate, 0.13, 1e-15)
	check(t, "uplift", b.uplift, 0.30, 1e-6)
	check(t, "z", b.z, 2.10274, 5e-6)
	check(t, "p", b.p, 0.0354885, 5e-8)
	check(t, "ci_low", b.ciLow, 0.0020679, 5e-8)
	check(t, "ci_high", b.ciHigh, 0.0579321, 5e-8)
	want := naiveCompare(1000, 130, 1000, 100, 0.05)
	check(t, "uplift (naive)", b.uplift, want.uplift, 1e-12)
	check(t, "z (naive)", b.z, want.z, 1e-12)
	check(t, "p (naive)", b.p, want.p, 1e-12)
	check(t, "ci_low (naive)", b.ciLow, want.ciLow, 1e-12)
	check(t, "ci_high (naive)", b.ciHigh, want.ciHigh, 1e-12)
	if a.warning != "" || b.warning != "" {
		t.Errorf("warnings %q %q", a.warning, b.warning)
	}
	// A 0/1 integer column gives the same readout; a 99% interval is wider.
	sqltest.SameRows(t, "0/1 converted", sqltest.Rows(t, conn, `SELECT * FROM ab_test(h, g, c01)`),
		sqltest.Rows(t, conn, `SELECT * FROM ab_test(h, g, c)`))
	w := abTest(t, conn, `SELECT * FROM ab_test(h, g, c, alpha := 0.01)`)[1]
	want = naiveCompare(1000, 130, 1000, 100, 0.01)
	check(t, "99% ci_low", w.ciLow, want.ciLow, 1e-12)
	check(t, "99% ci_high", w.ciHigh, want.ciHigh, 1e-12)
	if !(w.ciLow < b.ciLow && w.ciHigh > b.ciHigh) || w.z != b.z {
		t.Errorf("alpha 0.01: %+v vs %+v", w, b)
	}
}

// TestABC: three variants, each compared with the control alone; the
// default control is the lowest name, a given one comes first.
func TestABC(t *testing.T) {
	conn := sqltest.Open(t, Family)
	makeSource(t, conn, "abc", arm{"C", 800, 120}, arm{"A", 1000, 100}, arm{"B", 900, 90})
	rs := abTest(t, conn, `SELECT * FROM ab_test(abc, g, c)`)
	if len(rs) != 3 || rs[0].variant != "A" || rs[1].variant != "B" || rs[2].variant != "C" || !rs[0].isControl || rs[1].isControl || rs[2].isControl {
		t.Fatalf("rows %+v", rs)
	}
	counts := map[string][2]int64{"A": {1000, 100}, "B": {900, 90}, "C": {800, 120}}
	for _, control := range []string{"A", "B", "C"} {
		q := `SELECT * FROM ab_test(abc, g, c, control := '` + control + `')`
		rs := abTest(t, conn, q)
		if rs[0].variant != control || !rs[0].isControl {
			t.Fatalf("%s: first row %+v", q, rs[0])
		}
		if len(rs) != 3 || rs[1].isControl || rs[2].isControl || rs[1].variant >= rs[2].variant {
			t.Errorf("%s: rows %+v", q, rs)
		}
		for _, r := range rs[1:] {
			c, v := counts[control], counts[r.variant]
			want := naiveCompare(v[0], v[1], c[0], c[1], 0.05)
			check(t, q+" "+r.variant+" uplift", r.uplift, want.uplift, 1e-12)
			check(t, q+" "+r.variant+" z", r.z, want.z, 1e-12)
			check(t, q+" "+r.variant+" p", r.p, want.p, 1e-12)
			check(t, q+" "+r.variant+" ci_low", r.ciLow, want.ciLow, 1e-12)
			check(t, q+" "+r.variant+" ci_high", r.ciHigh, want.ciHigh, 1e-12)
		}
	}
	// B against A: the same rate, so z = 0 and p = 1.
	b := byVariant(rs)["B"]
	if b.z != 0 || math.Abs(b.p-1) > 1e-15 || math.Abs(b.uplift) > 1e-15 {
		t.Errorf("B vs A: %+v", b)
	}
}

// TestZeroConversions: a variant that never converts has rate 0 and
// uplift −1 and is still tested (the pooled rate is positive), with the
// normal-approximation warning; a control that never converts leaves
// the uplift undefined; nobody converting anywhere leaves z undefined.
func TestZeroConversions(t *testing.T) {
	conn := sqltest.Open(t, Family)
	makeSource(t, conn, "zero", arm{"A", 500, 20}, arm{"B", 500, 0})
	rs := byVariant(abTest(t, conn, `SELECT * FROM ab_test(zero, g, c)`))
	b := rs["B"]
	want := naiveCompare(500, 0, 500, 20, 0.05)
	if b.rate != 0 || b.uplift != -1 {
		t.Errorf("B: %+v", b)
	}
	check(t, "z", b.z, want.z, 1e-12)
	check(t, "p", b.p, want.p, 1e-12)
	check(t, "ci_low", b.ciLow, want.ciLow, 1e-12)
	const approx = "fewer than 5 conversions or non-conversions in this variant or the control: the normal approximation is unreliable"
	if b.warning != approx || rs["A"].warning != "" {
		t.Errorf("warnings: B %q, A %q", b.warning, rs["A"].warning)
	}
	rs = byVariant(abTest(t, conn, `SELECT * FROM ab_test(zero, g, c, control := 'B')`))
	if a := rs["A"]; !math.IsNaN(a.uplift) || math.IsNaN(a.z) || a.warning != approx || rs["B"].warning != approx {
		t.Errorf("control without conversions: %+v / %+v", a, rs["B"])
	}
	makeSource(t, conn, "none", arm{"A", 300, 0}, arm{"B", 300, 0})
	b = byVariant(abTest(t, conn, `SELECT * FROM ab_test(none, g, c)`))["B"]
	if !math.IsNaN(b.z) || !math.IsNaN(b.p) || !math.IsNaN(b.uplift) || b.ciLow != 0 || b.ciHigh != 0 || b.warning != approx {
		t.Errorf("no conversions at all: %+v", b)
	}
}

// TestSingleVariant: one variant is one control row with a warning, not
// an error; an empty source is no rows.
func TestSingleVariant(t *testing.T) {
	conn := sqltest.Open(t, Family)
	makeSource(t, conn, "one", arm{"only", 400, 40})
	rs := abTest(t, conn, `SELECT * FROM ab_test(one, g, c)`)
	if len(rs) != 1 || rs[0].variant != "only" || !rs[0].isControl || rs[0].users != 400 || rs[0].rate != 0.1 ||
		rs[0].uplift != 0 || !math.IsNaN(rs[0].z) || rs[0].warning != "only one variant: nothing to compare it with" {
		t.Errorf("single variant: %+v", rs)
	}
	sqltest.Exec(t, conn, `CREATE TABLE nothing AS SELECT * FROM one WHERE false`)
	if n := len(abTest(t, conn, `SELECT * FROM ab_test(nothing, g, c)`)); n != 0 {
		t.Errorf("empty source: %d rows", n)
	}
}

// TestMinSample: fewer than min_sample users in the variant or the
// control warn on that comparison (and on the control's row when it is
// the small one); the statistics are still given; min_sample := 0 turns
// the rule off.
func TestMinSample(t *testing.T) {
	conn := sqltest.Open(t, Family)
	makeSource(t, conn, "small", arm{"A", 60, 20}, arm{"B", 150, 60}, arm{"C", 200, 50})
	rs := byVariant(abTest(t, conn, `SELECT * FROM ab_test(small, g, c)`))
	const few = "fewer than 100 users (min_sample) in this variant or the control"
	for _, v := range []string{"A", "B", "C"} {
		if rs[v].warning != few {
			t.Errorf("%s: warning %q, want %q", v, rs[v].warning, few)
		}
	}
	if math.IsNaN(rs["B"].z) || math.IsNaN(rs["B"].p) {
		t.Errorf("statistics withheld: %+v", rs["B"])
	}
	rs = byVariant(abTest(t, conn, `SELECT * FROM ab_test(small, g, c, control := 'B', min_sample := 150)`))
	if rs["A"].warning != "fewer than 150 users (min_sample) in this variant or the control" || rs["B"].warning != "" || rs["C"].warning != "" {
		t.Errorf("control B, min_sample 150: %+v", rs)
	}
	for _, r := range abTest(t, conn, `SELECT * FROM ab_test(small, g, c, min_sample := 0)`) {
		if r.warning != "" {
			t.Errorf("min_sample 0: %s warns %q", r.variant, r.warning)
		}
	}
	if w := abTest(t, conn, `SELECT * FROM ab_test(small, g, c, min_sample := 1e30)`)[0].warning; !strings.HasPrefix(w, "fewer than 9000000000000000000 users") {
		t.Errorf("min_sample 1e30: %q", w)
	}
	makeSource(t, conn, "tiny", arm{"A", 10, 3}, arm{"B", 12, 4})
	want := few + "; fewer than 5 conversions or non-conversions in this variant or the control: the normal approximation is unreliable"
	if w := abTest(t, conn, `SELECT * FROM ab_test(tiny, g, c)`)[1].warning; w != want {
		t.Errorf("tiny: %q, want %q", w, want)
	}
}

// TestNulls: a NULL variant leaves the row out; a NULL converted is a
// user who did not convert; a NULL value leaves the user out of the
// value statistics only.
func TestNulls(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE n AS SELECT * FROM (VALUES
		('A', true, 10.0), ('A', NULL, 2.0), ('A', false, NULL), ('A', false, 4.0),
		('B', true, 1.0), ('B', true, NULL), ('B', NULL, 3.0),
		(NULL, true, 100.0)) v(g, c, x)`)
	rs := abTest(t, conn, `SELECT * FROM ab_test(n, g, c, value := x, min_sample := 0)`)
	a, b := rs[0], rs[1]
	if a.users != 4 || a.conversions != 1 || b.users != 3 || b.conversions != 2 {
		t.Errorf("counts: %+v %+v", a, b)
	}
	check(t, "A mean", a.mean, 16.0/3, 1e-15)
	check(t, "B mean", b.mean, 2, 1e-15)
	w := naiveWelch([]float64{1, 3}, []float64{10, 2, 4})
	check(t, "t", b.t, w.t, 1e-12)
	check(t, "df", b.df, w.df, 1e-12)
	// The same with integer 0/1 and NULL.
	sqltest.SameRows(t, "integer converted with NULL",
		sqltest.Rows(t, conn, `SELECT * FROM ab_test(n, g, c::INTEGER, value := x, min_sample := 0)`),
		sqltest.Rows(t, conn, `SELECT * FROM ab_test(n, g, c, value := x, min_sample := 0)`))
}

// welchA1, welchA2 are the first example of the Wikipedia article
// "Welch's t-test" (samples of 15 each, unequal variances), whose table
// gives t = −2.46, df = 25.0 and p = 0.021 for A1 − A2.
var (
	welchA1 = []float64{27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4}
	welchA2 = []float64{27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4}
)

// valuesSource creates table name(g VARCHAR, c BOOLEAN, x DOUBLE), the
// samples of each variant as its users' values (every third converted).
func valuesSource(tb testing.TB, conn *sql.Conn, name string, samples map[string][]float64) {
	tb.Helper()
	var rows []string
	for g, xs := range samples {
		for i, x := range xs {
			rows = append(rows, fmt.Sprintf("('%s', %t, %v::DOUBLE)", g, i%3 == 0, x))
		}
	}
	sqltest.Exec(tb, conn, `CREATE OR REPLACE TABLE `+name+` AS SELECT * FROM (VALUES `+strings.Join(rows, ", ")+`) v(g, c, x)`)
}

// TestWelch: the Wikipedia example (A1 as the variant, A2 the control) to
// its printed digits; t, df and the interval against the plain formulas,
// and the p-value and the interval's t quantile against numerical
// integration of the t density.
func TestWelch(t *testing.T) {
	conn := sqltest.Open(t, Family)
	valuesSource(t, conn, "w", map[string][]float64{"A1": welchA1, "A2": welchA2})
	r := byVariant(abTest(t, conn, `SELECT * FROM ab_test(w, g, c, value := x, control := 'A2')`))["A1"]
	if math.Abs(r.t-(-2.46)) > 0.005 || math.Abs(r.df-25.0) > 0.05 || math.Abs(r.valueP-0.021) > 0.0005 {
		t.Errorf("Wikipedia example: t %g df %g p %g, want −2.46, 25.0, 0.021", r.t, r.df, r.valueP)
	}
	w := naiveWelch(welchA1, welchA2)
	check(t, "t", r.t, w.t, 1e-12)
	check(t, "df", r.df, w.df, 1e-12)
	check(t, "p", r.valueP, w.p, 1e-9)
	ma, _ := meanVar(welchA1)
	mb, _ := meanVar(welchA2)
	check(t, "mean", r.mean, ma, 1e-14)
	check(t, "value_uplift", r.valueUplift, ma/mb-1, 1e-14)
	// The interval is diff ± q·se with ∫₀^q density = 0.475 (alpha 0.05).
	check(t, "interval centre", (r.valueLow+r.valueHi)/2, w.diff, 1e-12)
	q := (r.valueHi - r.valueLow) / 2 / w.se
	check(t, "t quantile", simpsonT(q, w.df), 0.475, 1e-10)
	// Equal variances and sizes: df = 2(n − 1).
	valuesSource(t, conn, "eq", map[string][]float64{"A": {1, 2, 3, 4}, "B": {3, 4, 5, 6}})
	r = abTest(t, conn, `SELECT * FROM ab_test(eq, g, c, value := x)`)[1]
	check(t, "equal variances df", r.df, 6, 1e-12)
	check(t, "equal variances t", r.t, 2/math.Sqrt(5.0/3/4*2), 1e-12)
	// Without value the value columns are NULL; with fewer than 2 values
	// there is no test.
	r = abTest(t, conn, `SELECT * FROM ab_test(eq, g, c)`)[1]
	if !math.IsNaN(r.mean) || !math.IsNaN(r.valueUplift) || !math.IsNaN(r.t) || !math.IsNaN(r.df) || !math.IsNaN(r.valueP) || !math.IsNaN(r.valueLow) {
		t.Errorf("no value: %+v", r)
	}
	valuesSource(t, conn, "lone", map[string][]float64{"A": {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, "B": {5}})
	r = abTest(t, conn, `SELECT * FROM ab_test(lone, g, c, value := x, min_sample := 0)`)[1]
	if r.mean != 5 || !math.IsNaN(r.t) || !math.IsNaN(r.valueP) || !strings.Contains(r.warning, "fewer than 2 values in this variant or the control: no Welch test") {
		t.Errorf("one value: %+v", r)
	}
}

// TestRandomized compares the readout of random experiments (2 to 4
// variants, sizes from 50 to 20,000, rates from 0 to 0.6) with the naive
// Go formulas: z, p, the interval and the uplift to 1e-11; and Welch's t
// and df on generated values.
func TestRandomized(t *testing.T) {
	conn := sqltest.Open(t, Family)
	rng := rand.New(rand.NewPCG(7, 11))
	for round := range 25 {
		var arms []arm
		for i := range 2 + rng.IntN(3) {
			n := int64(50 + rng.IntN(20000))
			arms = append(arms, arm{fmt.Sprintf("v%d", i), n, int64(float64(n) * 0.6 * rng.Float64())})
		}
		makeSource(t, conn, "r", arms...)
		alpha := []float64{0.05, 0.1, 0.01, 0.2}[round%4]
		rs := byVariant(abTest(t, conn, fmt.Sprintf(`SELECT * FROM ab_test(r, g, c, alpha := %v)`, alpha)))
		c := arms[0]
		for _, a := range arms[1:] {
			r := rs[a.name]
			want := naiveCompare(a.users, a.conversions, c.users, c.conversions, alpha)
			what := fmt.Sprintf("round %d %s (%d/%d vs %d/%d)", round, a.name, a.conversions, a.users, c.conversions, c.users)
			check(t, what+" z", r.z, want.z, 1e-11)
			checkRel(t, what+" p", r.p, want.p, 1e-11)
			check(t, what+" ci_low", r.ciLow, want.ciLow, 1e-11)
			check(t, what+" ci_high", r.ciHigh, want.ciHigh, 1e-11)
			check(t, what+" uplift", r.uplift, want.uplift, 1e-11)
		}
	}
	for round := range 10 {
		samples := map[string][]float64{}
		for _, g := range []string{"a", "b"} {
			n := 2 + rng.IntN(300)
			scale, shift := 0.1+10*rng.Float64(), 5*rng.Float64()
			for range n {
				samples[g] = append(samples[g], math.Round((shift+scale*rng.ExpFloat64())*1e4)/1e4)
			}
		}
		valuesSource(t, conn, "rv", samples)
		r := abTest(t, conn, `SELECT * FROM ab_test(rv, g, c, value := x, min_sample := 0)`)[1]
		w := naiveWelch(samples["b"], samples["a"])
		what := fmt.Sprintf("welch round %d (%d vs %d values)", round, len(samples["b"]), len(samples["a"]))
		check(t, what+" t", r.t, w.t, 1e-9)
		check(t, what+" df", r.df, w.df, 1e-9)
		if w.p > 1e-6 {
			checkRel(t, what+" p", r.valueP, w.p, 1e-7) // Simpson's rule is good to about 1e-9 absolute
		}
	}
}

// TestSourceForms: the source may be a CTE, a view or a quoted table
// name, and the columns expressions.
func TestSourceForms(t *testing.T) {
	conn := sqltest.Open(t, Family)
	makeSource(t, conn, "base", arm{"A", 300, 30}, arm{"B", 300, 45})
	sqltest.Exec(t, conn, `CREATE VIEW v AS SELECT * FROM base`, `CREATE TABLE "Mixed Case" AS SELECT * FROM base`)
	want := sqltest.Rows(t, conn, `SELECT * FROM ab_test(base, g, c)`)
	for _, q := range []string{
		`WITH u AS (SELECT * FROM base) SELECT * FROM ab_test(u, g, c)`,
		`SELECT * FROM ab_test(v, g, c)`,
		`SELECT * FROM ab_test("Mixed Case", g, c)`,
		`SELECT * FROM ab_test(base, upper(lower(g)), c01 = 1)`,
	} {
		sqltest.SameRows(t, q, sqltest.Rows(t, conn, q), want)
	}
	// Columns named like the arguments or like the macro's own columns.
	sqltest.Exec(t, conn, `CREATE TABLE named AS SELECT g AS variant, c AS converted, c01 * 2.5 AS value, g AS control, c AS _c, g AS _v, c01 AS alpha FROM base`)
	withValue := sqltest.Rows(t, conn, `SELECT * FROM ab_test(base, g, c, value := c01 * 2.5)`)
	for _, q := range []string{
		`SELECT * FROM ab_test(named, variant, converted, value := value)`,
		`SELECT * FROM ab_test(named, _v, _c, value := value)`,
		`SELECT * FROM ab_test(named, control, converted, value := alpha * 2.5)`,
	} {
		sqltest.SameRows(t, q, sqltest.Rows(t, conn, q), withValue)
	}
	// A variant column of another type is shown as text; control matches it as text.
	rs := abTest(t, conn, `SELECT * FROM ab_test(base, CASE g WHEN 'A' THEN 1 ELSE 2 END, c, control := 2)`)
	if rs[0].variant != "2" || !rs[0].isControl || rs[1].variant != "1" {
		t.Errorf("integer variants: %+v", rs)
	}
}

// TestResultColumns: the names and types of the result, as documented.
func TestResultColumns(t *testing.T) {
	conn := sqltest.Open(t, Family)
	makeSource(t, conn, "base", arm{"A", 300, 30}, arm{"B", 300, 45})
	got := sqltest.Rows(t, conn, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ab_test(base, g, c, value := c01))`)
	want := []string{"variant|VARCHAR", "is_control|BOOLEAN", "users|BIGINT", "conversions|BIGINT", "rate|DOUBLE", "uplift|DOUBLE",
		"rate_ci_low|DOUBLE", "rate_ci_high|DOUBLE", "z|DOUBLE", "p_value|DOUBLE", "mean_value|DOUBLE", "value_uplift|DOUBLE",
		"value_ci_low|DOUBLE", "value_ci_high|DOUBLE", "t|DOUBLE", "df|DOUBLE", "value_p_value|DOUBLE", "warning|VARCHAR"}
	sqltest.SameRows(t, "columns", got, want)
	sqltest.SameRows(t, "columns without value", sqltest.Rows(t, conn,
		`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ab_test(base, g, c))`), want)
}
