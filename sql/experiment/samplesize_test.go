package experiment

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestSampleSizeVector: baseline 0.10, a 10% relative effect (p2 = 0.11),
// alpha 0.05, power 0.8. By hand:
//
//	z_{0.975} = 1.959964, z_{0.8} = 0.841621, p̄ = 0.105
//	√(2·0.105·0.895) = √0.18795 = 0.433532
//	√(0.1·0.9 + 0.11·0.89) = √0.1879 = 0.433474
//	(1.959964·0.433532 + 0.841621·0.433474)² = (0.849707 + 0.364821)² = 1.475079
//	n = 1.475079 / 0.01² = 14750.79 → 14,751 per variant
//
// (with z rounded to 1.96 and 0.84 the same steps give 14,735: the
// rounding of the quantiles, not the formula, moves published figures
// by a few users). The same effect given as one absolute percentage
// point is the same n.
func TestSampleSizeVector(t *testing.T) {
	conn := sqltest.Open(t, Family)
	if n := sqltest.Int(t, conn, `SELECT sample_size(0.10, 0.10)`); n != 14751 {
		t.Errorf("sample_size(0.10, 0.10) = %d, want 14751", n)
	}
	if n := sqltest.Int(t, conn, `SELECT sample_size(0.10, 0.01, relative := false)`); n != 14751 {
		t.Errorf("absolute 0.01: %d, want 14751", n)
	}
	if n := sqltest.Int(t, conn, `SELECT sample_size(0.10, 0.10, alpha := 0.05, power := 0.8, relative := true)`); n != 14751 {
		t.Errorf("explicit defaults: %d", n)
	}
	// Stricter alpha, more power, smaller effects and drops need more.
	larger := [][2]string{
		{`sample_size(0.10, 0.10, alpha := 0.01)`, `sample_size(0.10, 0.10)`},
		{`sample_size(0.10, 0.10, power := 0.9)`, `sample_size(0.10, 0.10)`},
		{`sample_size(0.10, 0.05)`, `sample_size(0.10, 0.10)`},
	}
	for _, c := range larger {
		if a, b := sqltest.Int(t, conn, `SELECT `+c[0]), sqltest.Int(t, conn, `SELECT `+c[1]); a <= b {
			t.Errorf("%s = %d, not more than %s = %d", c[0], a, c[1], b)
		}
	}
	// NULL in, NULL out; works per row over a column.
	sqltest.SameRows(t, "NULL arguments", sqltest.Rows(t, conn,
		`SELECT sample_size(NULL, 0.1), sample_size(0.1, NULL), sample_size(0.1, 0.1, alpha := NULL), sample_size(0.1, 0.1, relative := NULL)`),
		[]string{"NULL|NULL|NULL|NULL"})
	sqltest.SameRows(t, "per row", sqltest.Rows(t, conn,
		`SELECT sample_size(p, 0.1) FROM (VALUES (0.1), (NULL)) v(p)`), []string{"14751", "NULL"})
}

// TestSampleSizeRandomized compares sample_size with the formula written
// in Go for random arguments (both kinds of effect, drops included).
func TestSampleSizeRandomized(t *testing.T) {
	conn := sqltest.Open(t, Family)
	rng := rand.New(rand.NewPCG(3, 5))
	for range 60 {
		p1 := 0.001 + 0.9*rng.Float64()
		alpha := 0.001 + 0.2*rng.Float64()
		power := 0.5 + 0.49*rng.Float64()
		relative := rng.IntN(2) == 0
		mde := (0.02 + 0.5*rng.Float64()) * []float64{1, -1}[rng.IntN(2)]
		p2 := p1 + mde
		if relative {
			p2 = p1 * (1 + mde)
		}
		if !(p2 > 0 && p2 < 1) {
			continue
		}
		za := math.Sqrt2 * math.Erfinv(1-alpha)
		zb := math.Sqrt2 * math.Erfinv(2*power-1)
		pb := (p1 + p2) / 2
		n := math.Pow(za*math.Sqrt(2*pb*(1-pb))+zb*math.Sqrt(p1*(1-p1)+p2*(1-p2)), 2) / ((p2 - p1) * (p2 - p1))
		if math.Abs(n-math.Round(n)) < 1e-6 {
			continue // too close to a whole number to round the same way in both
		}
		q := fmt.Sprintf(`SELECT sample_size(%v, %v, alpha := %v, power := %v, relative := %t)`, p1, mde, alpha, power, relative)
		if got := sqltest.Int(t, conn, q); got != int64(math.Ceil(n)) {
			t.Errorf("%s = %d, want ceil(%.6f)", q, got, n)
		}
	}
}
