package chart

import (
	"fmt"
	"math"
	"strings"
)

// maxBars is how many rows a bar chart shows.
const maxBars = 40

// drawBars draws a bar per row: the first non-numeric column (else the
// first column) as the label, the value column as the length.
func drawBars(t Table, s style) string {
	lab := 0
	for i := range t.Columns {
		if !t.numeric(i) {
			lab = i
			break
		}
	}
	val := t.valueColumn(lab)
	rate := strings.Contains(strings.ToLower(t.Columns[val].Name), "rate")
	rows := t.Rows[:min(len(t.Rows), maxBars)]
	maxAbs, labelW, valW := 0.0, 0, 0
	values := make([]string, len(rows))
	for i, r := range rows {
		v := num(r[val])
		maxAbs = math.Max(maxAbs, math.Abs(v))
		labelW = max(labelW, widths.StringWidth(label(r[lab])))
		values[i] = formatNumber(v)
		if rate {
			values[i] = percent(v)
		}
		valW = max(valW, len(values[i]))
	}
	labelW = min(labelW, s.Width/3)
	barW := max(s.Width-labelW-valW-2, 5)
	var b strings.Builder
	fmt.Fprintf(&b, "%s by %s\n", t.Columns[val].Name, t.Columns[lab].Name)
	for i, r := range rows {
		frac := 0.0
		if maxAbs > 0 {
			frac = math.Abs(num(r[val])) / maxAbs
		}
		b.WriteString(pad(label(r[lab]), labelW, true) + " " + s.bar(frac, barW) + " " + pad(values[i], valW, false) + "\n")
	}
	if len(t.Rows) > len(rows) {
		fmt.Fprintf(&b, "(%d more rows not drawn)\n", len(t.Rows)-len(rows))
	}
	return b.String()
}
