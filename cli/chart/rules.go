package chart

import (
	"fmt"
	"math"
	"strings"
)

// maxRules is how many rules the lift table shows.
const maxRules = 25

// drawRules draws basket_rules(...) output as a lift table: per rule
// "antecedent => consequent", its support and confidence when present,
// and its lift as a bar scaled to the highest lift.
func drawRules(t Table, s style) string {
	ant, con, lift := t.col("antecedent"), t.col("consequent"), t.col("lift")
	sup, conf := t.col("support"), t.col("confidence")
	rows := t.Rows[:min(len(t.Rows), maxRules)]
	arrow := " => "
	if s.Unicode {
		arrow = " ⇒ "
	}
	rules := make([]string, len(rows))
	maxLift, ruleW, liftW := 0.0, len("rule"), len("lift")
	for i, r := range rows {
		rules[i] = itemsText(r[ant]) + arrow + itemsText(r[con])
		ruleW = max(ruleW, widths.StringWidth(rules[i]))
		maxLift = math.Max(maxLift, num(r[lift]))
		liftW = max(liftW, len(formatNumber(num(r[lift]))))
	}
	statW := len("confidence") + 1
	stats := 0
	for _, c := range []int{sup, conf} {
		if c >= 0 {
			stats++
		}
	}
	const minBar = 8
	ruleW = max(min(ruleW, s.Width/2, s.Width-stats*statW-liftW-2-minBar), 8)
	barW := max(s.Width-ruleW-stats*statW-liftW-2, 3)
	var b strings.Builder
	b.WriteString(pad("rule", ruleW, true))
	if sup >= 0 {
		b.WriteString(pad("support", statW, false))
	}
	if conf >= 0 {
		b.WriteString(pad("confidence", statW, false))
	}
	b.WriteString(" " + pad("lift", barW+1+liftW, true) + "\n")
	for i, r := range rows {
		b.WriteString(pad(rules[i], ruleW, true))
		if sup >= 0 {
			b.WriteString(pad(percent(num(r[sup])), statW, false))
		}
		if conf >= 0 {
			b.WriteString(pad(percent(num(r[conf])), statW, false))
		}
		frac := 0.0
		if maxLift > 0 {
			frac = num(r[lift]) / maxLift
		}
		b.WriteString(" " + s.bar(frac, barW) + " " + pad(formatNumber(num(r[lift])), liftW, false) + "\n")
	}
	if len(t.Rows) > len(rows) {
		fmt.Fprintf(&b, "(%d more rules not drawn)\n", len(t.Rows)-len(rows))
	}
	return b.String()
}

// itemsText writes an itemset cell: a list as {a, b}, a text as it is.
func itemsText(v any) string {
	if items, ok := v.([]string); ok {
		return "{" + strings.Join(items, ", ") + "}"
	}
	return label(v)
}
