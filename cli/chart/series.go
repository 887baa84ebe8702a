package chart

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// sparks are the sparkline levels, low to high.
var (
	sparks      = []rune("▁▂▃▄▅▆▇█")
	asciiSparks = []rune("_.-:=+*#")
)

// series is one line to draw: its name and its points in time order.
type series struct {
	name   string
	times  []time.Time
	values []float64
}

// drawSeries draws a sparkline per numeric column, and per value of the
// first text column when there is one (lifecycle's statuses).
func drawSeries(t Table, s style) string {
	tc := t.timeColumn()
	group := -1
	for i := range t.Columns {
		if i != tc && !t.numeric(i) {
			group = i
			break
		}
	}
	all := collectSeries(t, tc, group)
	nameW := 0
	for _, sr := range all {
		nameW = max(nameW, widths.StringWidth(sr.name))
	}
	nameW = min(nameW, s.Width/3)
	first, last := all[0].times[0], all[0].times[len(all[0].times)-1]
	for _, sr := range all {
		if sr.times[0].Before(first) {
			first = sr.times[0]
		}
		if end := sr.times[len(sr.times)-1]; end.After(last) {
			last = end
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s from %s to %s\n", t.Columns[tc].Name, formatTime(first), formatTime(last))
	for _, sr := range all {
		lo, hi := extremes(sr.values)
		stats := fmt.Sprintf(" min %s max %s last %s", formatNumber(lo), formatNumber(hi), formatNumber(sr.values[len(sr.values)-1]))
		lineW := s.Width - nameW - 1 - len(stats)
		if lineW < 8 { // too narrow: the figures go on a line of their own
			lineW = s.Width - nameW - 1
			stats = "\n" + pad(strings.Repeat(" ", nameW)+stats, s.Width, true)
		}
		b.WriteString(pad(sr.name, nameW, true) + " " + s.spark(bucket(sr.values, lineW), lo, hi) + stats + "\n")
	}
	return b.String()
}

// collectSeries cuts the rows into series, sorted by time.
func collectSeries(t Table, tc, group int) []*series {
	var out []*series
	byName := map[string]*series{}
	for _, vc := range t.numericColumns(tc) {
		if vc == group {
			continue
		}
		for _, r := range t.Rows {
			ts, ok := r[tc].(time.Time)
			if !ok || r[vc] == nil {
				continue
			}
			name := t.Columns[vc].Name
			if group >= 0 {
				name = label(r[group]) + " " + name
			}
			sr := byName[name]
			if sr == nil {
				sr = &series{name: name}
				byName[name] = sr
				out = append(out, sr)
			}
			sr.times = append(sr.times, ts)
			sr.values = append(sr.values, num(r[vc]))
		}
	}
	for _, sr := range out {
		sort.Stable(byTime{sr})
	}
	return out
}

type byTime struct{ *series }

func (b byTime) Len() int           { return len(b.times) }
func (b byTime) Less(i, j int) bool { return b.times[i].Before(b.times[j]) }
func (b byTime) Swap(i, j int) {
	b.times[i], b.times[j] = b.times[j], b.times[i]
	b.values[i], b.values[j] = b.values[j], b.values[i]
}

// bucket averages values into at most n points.
func bucket(values []float64, n int) []float64 {
	if len(values) <= n {
		return values
	}
	out := make([]float64, n)
	for i := range out {
		lo, hi := i*len(values)/n, (i+1)*len(values)/n
		sum := 0.0
		for _, v := range values[lo:hi] {
			sum += v
		}
		out[i] = sum / float64(hi-lo)
	}
	return out
}

func extremes(values []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range values {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi
}

// spark draws values as one character each, scaled between lo and hi.
func (s style) spark(values []float64, lo, hi float64) string {
	marks := asciiSparks
	if s.Unicode {
		marks = sparks
	}
	var b strings.Builder
	for _, v := range values {
		i := 0
		if hi > lo {
			i = int(math.Round((v - lo) / (hi - lo) * float64(len(marks)-1)))
		}
		b.WriteRune(marks[i])
	}
	if s.Color {
		return "\x1b[36m" + b.String() + reset
	}
	return b.String()
}
