package chart

import "strings"

// drawFunnel draws funnel(...) output: per breakdown group, a bar per
// step, scaled to the most users of any step so that groups compare.
func drawFunnel(t Table, s style) string {
	step, users := t.col("step"), t.col("users")
	conv, bd := t.col("conversion_rate"), t.col("breakdown")
	var order []string
	groups := map[string][][]any{}
	maxUsers, labelW, usersW := 0.0, 0, 0
	for _, r := range t.Rows {
		key := ""
		if bd >= 0 {
			key = label(r[bd])
		}
		if _, ok := groups[key]; !ok {
			order = append(order, key)
		}
		groups[key] = append(groups[key], r)
		maxUsers = max(maxUsers, num(r[users]))
		labelW = max(labelW, len("step "+label(r[step])))
		usersW = max(usersW, len(formatNumber(num(r[users]))))
	}
	rateW := 0
	if conv >= 0 {
		rateW = len("100.0%") + 2
	}
	barW := max(s.Width-labelW-usersW-rateW-2, 5)
	var b strings.Builder
	for gi, key := range order {
		if bd >= 0 && (len(order) > 1 || key != "NULL") {
			if gi > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(pad("breakdown: "+key, s.Width, true))
			b.WriteString("\n")
		}
		for _, r := range groups[key] {
			frac := 0.0
			if maxUsers > 0 {
				frac = num(r[users]) / maxUsers
			}
			b.WriteString(pad("step "+label(r[step]), labelW, true) + " ")
			b.WriteString(s.bar(frac, barW) + " ")
			b.WriteString(pad(formatNumber(num(r[users])), usersW, false))
			if conv >= 0 {
				b.WriteString(pad(percent(num(r[conv])), rateW, false))
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}
