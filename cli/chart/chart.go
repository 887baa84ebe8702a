package chart

import (
	"fmt"
	"strings"
	"time"
)

// Column is a result column: its name and DuckDB type.
type Column struct{ Name, Type string }

// Table is the result to draw. Cells are nil, float64, time.Time, string
// or, for a list, []string (each element as text).
type Table struct {
	Columns []Column
	Rows    [][]any
}

// Options choose the picture's width and style.
type Options struct {
	Width   int  // terminal columns; 80 when 0
	Color   bool // ANSI colours
	Unicode bool // block and shade characters
}

// The shapes Kind recognises.
const (
	Funnel = "funnel"
	Cohort = "cohort"
	Series = "series"
	Bars   = "bars"

	Attribution = "attribution"
	Paths       = "paths"
	Rules       = "rules"
	Experiment  = "experiment"
)

// Kind names the shape Render would draw t as, or "" when none fits.
func Kind(t Table) string {
	switch {
	case t.col("variant") >= 0 && t.col("rate") >= 0 && t.col("uplift") >= 0 && t.col("p_value") >= 0:
		return Experiment
	case t.col("antecedent") >= 0 && t.col("consequent") >= 0 && t.numericCol("lift"):
		return Rules
	case t.col("path") >= 0 && (t.numericCol("sessions") || t.numericCol("users")):
		return Paths
	case t.col("channel") >= 0 && t.numericCol("value") && t.col("conversions") >= 0:
		return Attribution
	case t.col("step") >= 0 && t.col("users") >= 0:
		return Funnel
	case t.col("cohort") >= 0 && t.col("period_offset") >= 0 && t.col("retention_rate") >= 0:
		return Cohort
	case t.timeColumn() >= 0 && len(t.numericColumns(t.timeColumn())) > 0 && len(t.Rows) >= 2:
		return Series
	case len(t.Columns) >= 2 && t.valueColumn(0) >= 0:
		return Bars
	}
	return ""
}

// Render draws t. The error says why a result cannot be drawn.
func Render(t Table, o Options) (string, error) {
	if o.Width <= 0 {
		o.Width = 80
	}
	o.Width = max(o.Width, 20)
	if len(t.Rows) == 0 {
		return "", fmt.Errorf(".chart: the last result has no rows to draw")
	}
	s := newStyle(o)
	switch Kind(t) {
	case Funnel:
		return trimLines(drawFunnel(t, s)), nil
	case Cohort:
		return trimLines(drawCohort(t, s)), nil
	case Series:
		return trimLines(drawSeries(t, s)), nil
	case Bars:
		return trimLines(drawBars(t, s)), nil
	case Attribution:
		return trimLines(drawAttribution(t, s)), nil
	case Paths:
		return trimLines(drawPaths(t, s)), nil
	case Rules:
		return trimLines(drawRules(t, s)), nil
	case Experiment:
		return trimLines(drawExperiment(t, s)), nil
	}
	var cols []string
	for _, c := range t.Columns {
		cols = append(cols, c.Name+" "+c.Type)
	}
	return "", fmt.Errorf(".chart: cannot draw a result of (%s); it draws funnel(...) and cohort(...) reports, "+
		"attribution(...), paths(...), basket_rules(...) and ab_test(...) results, "+
		"a label with a number, or a date or timestamp with numbers", strings.Join(cols, ", "))
}

// trimLines removes the blanks that padding left at the ends of lines.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// col is the index of the column named name, or -1.
func (t Table) col(name string) int {
	for i, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return i
		}
	}
	return -1
}

// numeric reports whether column i holds numbers: every non-NULL cell is
// a float64 and one is there.
func (t Table) numeric(i int) bool {
	seen := false
	for _, r := range t.Rows {
		switch r[i].(type) {
		case nil:
		case float64:
			seen = true
		default:
			return false
		}
	}
	return seen
}

// numericCol reports whether the column named name is there and numeric.
func (t Table) numericCol(name string) bool {
	i := t.col(name)
	return i >= 0 && t.numeric(i)
}

// timeColumn is the first column of dates or timestamps, or -1.
func (t Table) timeColumn() int {
	for i := range t.Columns {
		seen, all := false, true
		for _, r := range t.Rows {
			switch r[i].(type) {
			case nil:
			case time.Time:
				seen = true
			default:
				all = false
			}
		}
		if seen && all {
			return i
		}
	}
	return -1
}

// numericColumns lists the numeric columns other than skip.
func (t Table) numericColumns(skip int) []int {
	var out []int
	for i := range t.Columns {
		if i != skip && t.numeric(i) {
			out = append(out, i)
		}
	}
	return out
}

// valueColumn is the column bars measure, other than label: the first
// numeric column whose name says it is a rate, else the first numeric one.
func (t Table) valueColumn(label int) int {
	nums := t.numericColumns(label)
	for _, i := range nums {
		if strings.Contains(strings.ToLower(t.Columns[i].Name), "rate") {
			return i
		}
	}
	if len(nums) == 0 {
		return -1
	}
	return nums[0]
}

// num reads a numeric cell; NULL is 0.
func num(v any) float64 {
	f, _ := v.(float64)
	return f
}
