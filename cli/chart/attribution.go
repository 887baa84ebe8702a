package chart

import (
	"fmt"
	"math"
	"strings"
)

// drawAttribution draws attribution(...) output: a bar per channel
// scaled to the largest value, with the value and its share of the
// model's total. With a model column (model := 'all') the models of one
// channel sit under it, so that they compare at a glance.
func drawAttribution(t Table, s style) string {
	ch, val, mod := t.col("channel"), t.col("value"), t.col("model")
	total := map[string]float64{}
	maxAbs := 0.0
	var channels []string
	rowsOf := map[string][][]any{}
	for _, r := range t.Rows {
		m := ""
		if mod >= 0 {
			m = label(r[mod])
		}
		total[m] += num(r[val])
		maxAbs = math.Max(maxAbs, math.Abs(num(r[val])))
		c := label(r[ch])
		if _, ok := rowsOf[c]; !ok {
			channels = append(channels, c)
		}
		rowsOf[c] = append(rowsOf[c], r)
	}
	labelW, valW := 0, 0
	for _, r := range t.Rows {
		if mod >= 0 {
			labelW = max(labelW, 2+widths.StringWidth(label(r[mod])))
		} else {
			labelW = max(labelW, widths.StringWidth(label(r[ch])))
		}
		valW = max(valW, len(formatNumber(num(r[val]))))
	}
	labelW = min(labelW, s.Width/3)
	shareW := len(" 100.0%")
	barW := max(s.Width-labelW-valW-shareW-2, 5)
	var b strings.Builder
	title := "value by channel"
	if mod >= 0 {
		title += " and model"
	}
	b.WriteString(title + "\n")
	line := func(name string, r []any, m string) {
		v := num(r[val])
		frac, share := 0.0, 0.0
		if maxAbs > 0 {
			frac = math.Abs(v) / maxAbs
		}
		if total[m] != 0 {
			share = v / total[m]
		}
		b.WriteString(pad(name, labelW, true) + " " + s.bar(frac, barW) + " " +
			pad(formatNumber(v), valW, false) + pad(percent(share), shareW, false) + "\n")
	}
	for _, c := range channels {
		if mod < 0 {
			for _, r := range rowsOf[c] {
				line(c, r, "")
			}
			continue
		}
		b.WriteString(pad(c, s.Width, true) + "\n")
		for _, r := range rowsOf[c] {
			line("  "+label(r[mod]), r, label(r[mod]))
		}
	}
	if mod >= 0 {
		fmt.Fprintf(&b, "(shares are of each model's total)\n")
	}
	return b.String()
}
