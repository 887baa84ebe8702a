package chart

import (
	"fmt"
	"math"
	"strings"
)

// maxPaths is how many paths the path list shows.
const maxPaths = 20

// drawPaths draws paths(...) output as a ranked list: per path its count
// (the sessions column, else users), its share when the result has one,
// a bar scaled to the most common path, and the steps joined by arrows,
// cut to the width.
func drawPaths(t Table, s style) string {
	p, cnt, share := t.col("path"), t.col("sessions"), t.col("share")
	if cnt < 0 {
		cnt = t.col("users")
	}
	rows := t.Rows[:min(len(t.Rows), maxPaths)]
	maxCount, countW := 0.0, len(t.Columns[cnt].Name)
	for _, r := range rows {
		maxCount = math.Max(maxCount, num(r[cnt]))
		countW = max(countW, len(formatNumber(num(r[cnt]))))
	}
	rankW := len(fmt.Sprint(len(rows))) + 1
	shareW := 0
	if share >= 0 {
		shareW = len(" 100.0%")
	}
	barW := max(min(s.Width/8, 20), 3)
	pathW := max(s.Width-rankW-countW-shareW-barW-3, 10)
	arrow := " -> "
	if s.Unicode {
		arrow = " → "
	}
	var b strings.Builder
	b.WriteString(pad("", rankW, true) + " " + pad(t.Columns[cnt].Name, countW, false))
	if share >= 0 {
		b.WriteString(pad("share", shareW, false))
	}
	b.WriteString(" " + pad("", barW, true) + " path\n")
	for i, r := range rows {
		frac := 0.0
		if maxCount > 0 {
			frac = num(r[cnt]) / maxCount
		}
		b.WriteString(pad(fmt.Sprintf("%d.", i+1), rankW, false) + " " + pad(formatNumber(num(r[cnt])), countW, false))
		if share >= 0 {
			b.WriteString(pad(percent(num(r[share])), shareW, false))
		}
		b.WriteString(" " + s.bar(frac, barW) + " " + pad(pathText(r[p], arrow), pathW, true) + "\n")
	}
	if len(t.Rows) > len(rows) {
		fmt.Fprintf(&b, "(%d more paths not drawn)\n", len(t.Rows)-len(rows))
	}
	return b.String()
}

// pathText joins the steps of a path cell: a list, or a text that is
// already joined.
func pathText(v any, arrow string) string {
	if steps, ok := v.([]string); ok {
		return strings.Join(steps, arrow)
	}
	return label(v)
}
