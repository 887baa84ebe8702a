package basket

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// randomLines draws a basket set: up to 30 orders of up to 7 lines over
// up to 12 items (numbers, so that '10' sorts before '2' as text), with
// repeated items and the odd NULL order or item.
func randomLines(r *rand.Rand) []line {
	items := 2 + r.IntN(11)
	var out []line
	for o := range 1 + r.IntN(30) {
		for range r.IntN(8) {
			order, item := o, 1+r.IntN(items)
			l := line{order: &order, item: &item}
			switch r.IntN(25) {
			case 0:
				l.order = nil
			case 1:
				l.item = nil
			}
			out = append(out, l)
		}
	}
	return out
}

// values writes the lines as a VALUES list (with one typed row so that
// an all-NULL column still has a type).
func values(lines []line) string {
	rows := []string{"(NULL::INTEGER, NULL::INTEGER)"}
	for _, l := range lines {
		s := func(p *int) string {
			if p == nil {
				return "NULL"
			}
			return fmt.Sprint(*p)
		}
		rows = append(rows, "("+s(l.order)+", "+s(l.item)+")")
	}
	return strings.Join(rows, ", ")
}

// threshold draws an option: often exactly k/n for the number of orders
// n (the inclusive edge), else a random fraction.
func threshold(r *rand.Rand, n int) float64 {
	if n > 0 && r.IntN(2) == 0 {
		return float64(1+r.IntN(n)) / float64(n)
	}
	return 0.01 + 0.99*r.Float64()
}

// TestRandomAgainstBruteForce compares basket_rules with naiveRules on
// random basket sets, thresholds and max_len: the same rules, measures
// and order.
func TestRandomAgainstBruteForce(t *testing.T) {
	conn := sqltest.Open(t, Family)
	r := rand.New(rand.NewPCG(7, 11))
	// Trials with rules, with rules of 3 or more items, and of 4.
	nonEmpty, larger, quads := 0, 0, 0
	for trial := range 150 {
		lines := randomLines(r)
		orders := map[int]bool{}
		for _, l := range lines {
			if l.order != nil && l.item != nil {
				orders[*l.order] = true
			}
		}
		minSupport, minConfidence := threshold(r, len(orders)), threshold(r, 4)
		if r.IntN(3) == 0 {
			minSupport /= 4 // low support: larger itemsets
		}
		maxLen := 2 + r.IntN(3)
		sqltest.Exec(t, conn, `CREATE OR REPLACE TABLE rnd AS SELECT * FROM (VALUES `+values(lines)+`) v(o, i)`)
		p := func(col string) string { return "printf('%.9f', " + col + ")" }
		q := fmt.Sprintf(`SELECT antecedent, consequent, %s, %s, %s, %s, %s, orders
			FROM basket_rules(rnd, o, i, min_support := '%v'::DOUBLE, min_confidence := '%v'::DOUBLE, max_len := %d)`,
			p("antecedent_support"), p("consequent_support"), p("support"), p("confidence"), p("lift"),
			minSupport, minConfidence, maxLen)
		got := sqltest.Rows(t, conn, q)
		var want []string
		for _, rule := range naiveRules(lines, minSupport, minConfidence, maxLen) {
			want = append(want, rule.row())
		}
		if want == nil {
			want = []string{}
		}
		most := 0
		for _, row := range got {
			most = max(most, 2+strings.Count(strings.SplitN(row, "|", 2)[0], ","))
		}
		if most >= 3 {
			larger++
		}
		if most == 4 {
			quads++
		}
		if len(got) > 0 {
			nonEmpty++
		}
		sqltest.SameRows(t, fmt.Sprintf("trial %d (support %v, confidence %v, max_len %d, %d orders)",
			trial, minSupport, minConfidence, maxLen, len(orders)), got, want)
		if t.Failed() {
			return
		}
	}
	// The draws must exercise what they test.
	if nonEmpty < 50 || larger < 20 || quads < 5 {
		t.Errorf("%d trials with rules, %d with rules of 3 or more items, %d of 4: too few", nonEmpty, larger, quads)
	}
	t.Logf("%d trials with rules, %d with rules of 3 or more items, %d of 4", nonEmpty, larger, quads)
}
