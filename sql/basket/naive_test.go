package basket

import (
	"fmt"
	"math/bits"
	"sort"
	"strings"
)

// line is one order line of a test basket set; a nil field is NULL.
type line struct {
	order *int
	item  *int
}

// naiveRule is one rule as the brute force finds it.
type naiveRule struct {
	ante               []string
	cons               string
	anteC, consC, allC int
	n                  int
}

// naiveRules enumerates every itemset of 2..maxLen items by brute force
// (all subsets of the items, each counted over every transaction) and
// returns its single-consequent rules that pass the thresholds, in the
// order doc.go gives. It shares nothing with the SQL but the formulas.
func naiveRules(lines []line, minSupport, minConfidence float64, maxLen int) []naiveRule {
	txs := map[int]map[string]bool{}
	seen := map[string]bool{}
	for _, l := range lines {
		if l.order == nil || l.item == nil {
			continue
		}
		name := fmt.Sprint(*l.item)
		if txs[*l.order] == nil {
			txs[*l.order] = map[string]bool{}
		}
		txs[*l.order][name] = true
		seen[name] = true
	}
	var items []string
	for it := range seen {
		items = append(items, it)
	}
	sort.Strings(items)
	n := len(txs)
	count := func(set []string) int {
		c := 0
		for _, tx := range txs {
			all := true
			for _, it := range set {
				all = all && tx[it]
			}
			if all {
				c++
			}
		}
		return c
	}
	var rules []naiveRule
	for mask := uint(1); mask < 1<<len(items); mask++ {
		k := bits.OnesCount(mask)
		if k < 2 || k > maxLen {
			continue
		}
		var set []string
		for i, it := range items {
			if mask&(1<<i) != 0 {
				set = append(set, it)
			}
		}
		all := count(set)
		if float64(all)/float64(n) < minSupport {
			continue
		}
		for j, cons := range set {
			ante := append(append([]string{}, set[:j]...), set[j+1:]...)
			r := naiveRule{ante: ante, cons: cons, anteC: count(ante), consC: count([]string{cons}), allC: all, n: n}
			if r.confidence() >= minConfidence {
				rules = append(rules, r)
			}
		}
	}
	sort.Slice(rules, func(i, j int) bool {
		a, b := rules[i], rules[j]
		if a.lift() != b.lift() {
			return a.lift() > b.lift()
		}
		if a.confidence() != b.confidence() {
			return a.confidence() > b.confidence()
		}
		if c := compareLists(a.ante, b.ante); c != 0 {
			return c < 0
		}
		return a.cons < b.cons
	})
	return rules
}

func (r naiveRule) confidence() float64 { return float64(r.allC) / float64(r.anteC) }

func (r naiveRule) lift() float64 {
	return float64(r.allC*r.n) / float64(r.anteC*r.consC)
}

// row writes the rule as sqltest.Rows writes a result row, with the
// measures rounded to 9 places by the same query (see randomQuery).
func (r naiveRule) row() string {
	f := func(x float64) string { return fmt.Sprintf("%.9f", x) }
	return strings.Join([]string{
		"[" + strings.Join(r.ante, ", ") + "]", "[" + r.cons + "]",
		f(float64(r.anteC) / float64(r.n)), f(float64(r.consC) / float64(r.n)), f(float64(r.allC) / float64(r.n)),
		f(r.confidence()), f(r.lift()), fmt.Sprint(r.allC),
	}, "|")
}

// compareLists orders lists of text element by element, a prefix first
// (as DuckDB compares lists).
func compareLists(a, b []string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if c := strings.Compare(a[i], b[i]); c != 0 {
			return c
		}
	}
	return len(a) - len(b)
}
