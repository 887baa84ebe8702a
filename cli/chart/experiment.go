package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// drawExperiment draws ab_test(...) output as a lift table: per variant
// its users, conversions, rate, uplift and p-value, and, when the result
// has the confidence interval of the difference from the control, that
// interval on one axis shared by all variants, with 0 (no difference)
// marked, so that an interval crossing it reads at once. Warnings follow
// the table.
func drawExperiment(t Table, s style) string {
	v, users, convs, rate := t.col("variant"), t.col("users"), t.col("conversions"), t.col("rate")
	up, p, ctl, warn := t.col("uplift"), t.col("p_value"), t.col("is_control"), t.col("warning")
	lo, hi := t.col("rate_ci_low"), t.col("rate_ci_high")
	cols := []expColumn{{"variant", func(r []any) string {
		if ctl >= 0 && truthy(r[ctl]) {
			return label(r[v]) + " (control)"
		}
		return label(r[v])
	}}}
	add := func(i int, name string, f func(any) string) {
		if i >= 0 {
			cols = append(cols, expColumn{name, func(r []any) string {
				if r[i] == nil {
					return "-"
				}
				return f(r[i])
			}})
		}
	}
	add(users, "users", func(x any) string { return formatNumber(num(x)) })
	add(convs, "conversions", func(x any) string { return formatNumber(num(x)) })
	add(rate, "rate", func(x any) string { return percent(num(x)) })
	add(up, "uplift", func(x any) string { return signedPercent(num(x)) })
	add(p, "p-value", func(x any) string { return strconv.FormatFloat(num(x), 'f', 4, 64) })
	cells, colW, used := experimentCells(t, cols)
	// Narrow screens lose the counts before the rates and the test.
	for _, drop := range []string{"conversions", "users"} {
		if used <= s.Width {
			break
		}
		for j, c := range cols {
			if c.name == drop {
				cols = append(cols[:j:j], cols[j+1:]...)
				cells, colW, used = experimentCells(t, cols)
				break
			}
		}
	}
	axisW := 0
	if lo >= 0 && hi >= 0 {
		axisW = s.Width - used
	}
	var b strings.Builder
	for j, c := range cols {
		b.WriteString(pad(c.name, colW[j], j == 0) + "  ")
	}
	if axisW >= 9 {
		b.WriteString(pad("difference vs control", axisW, true))
	}
	b.WriteString("\n")
	axisLo, axisHi := 0.0, 0.0
	for _, r := range t.Rows {
		if axisW >= 9 && r[lo] != nil && r[hi] != nil {
			axisLo, axisHi = math.Min(axisLo, num(r[lo])), math.Max(axisHi, num(r[hi]))
		}
	}
	for i, r := range t.Rows {
		for j := range cols {
			b.WriteString(pad(cells[i][j], colW[j], j == 0) + "  ")
		}
		if axisW >= 9 {
			b.WriteString(s.interval(r[lo], r[hi], axisLo, axisHi, axisW))
		}
		b.WriteString("\n")
	}
	if axisW >= 9 && axisHi > axisLo {
		fmt.Fprintf(&b, "(interval axis from %s to %s points)\n", signedPoints(axisLo), signedPoints(axisHi))
	}
	if warn >= 0 {
		for _, r := range t.Rows {
			if r[warn] != nil && label(r[warn]) != "" {
				fmt.Fprintf(&b, "warning (%s): %s\n", label(r[v]), label(r[warn]))
			}
		}
	}
	return b.String()
}

// interval draws [low, high] on an axis from axisLo to axisHi that is
// width columns wide, with "*" at the interval's middle and "|" at 0
// unless an end or the middle is there.
func (s style) interval(low, high any, axisLo, axisHi float64, width int) string {
	line := []rune(strings.Repeat(" ", width))
	at := func(x float64) int {
		if axisHi <= axisLo {
			return width / 2
		}
		return min(max(int(math.Round((x-axisLo)/(axisHi-axisLo)*float64(width-1))), 0), width-1)
	}
	if low != nil && high != nil {
		a, z := at(num(low)), at(num(high))
		for k := a; k <= z; k++ {
			line[k] = '-'
		}
		line[a], line[z] = '[', ']'
		line[at((num(low)+num(high))/2)] = '*'
	}
	if zero := at(0); line[zero] == ' ' || line[zero] == '-' {
		line[zero] = '|'
	}
	return strings.TrimRight(string(line), " ")
}

// signedPercent shows a relative change with its sign: +12.3%.
func signedPercent(f float64) string {
	if f > 0 {
		return "+" + percent(f)
	}
	return percent(f)
}

// signedPoints shows a rate difference in percentage points: +1.2.
func signedPoints(f float64) string {
	s := strconv.FormatFloat(100*f, 'f', 1, 64)
	if f > 0 {
		s = "+" + s
	}
	return s
}

// truthy reads a BOOLEAN cell, which the REPL passes as text.
func truthy(v any) bool {
	switch x := v.(type) {
	case string:
		return x == "true"
	case float64:
		return x != 0
	}
	return false
}

// expColumn is one column of the experiment table: its heading and how
// a row's cell reads.
type expColumn struct {
	name string
	cell func(r []any) string
}

// experimentCells formats every cell of cols, and measures the columns
// and the width of the table with two spaces after each column.
func experimentCells(t Table, cols []expColumn) (cells [][]string, colW []int, used int) {
	cells = make([][]string, len(t.Rows))
	colW = make([]int, len(cols))
	for j, c := range cols {
		colW[j] = widths.StringWidth(c.name)
	}
	for i, r := range t.Rows {
		for j, c := range cols {
			cells[i] = append(cells[i], c.cell(r))
			colW[j] = max(colW[j], widths.StringWidth(cells[i][j]))
		}
	}
	for _, w := range colW {
		used += w + 2
	}
	return cells, colW, used
}
