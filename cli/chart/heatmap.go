package chart

import (
	"fmt"
	"sort"
	"strings"
)

// cellWidth is the width of one heat map cell: a shade and "100%".
const cellWidth = 6

// drawCohort draws cohort(...) output as a heat map: a row per cohort, a
// column per period offset, each cell shaded by its retention rate. The
// offsets that do not fit the width are left out, and the note says so.
func drawCohort(t Table, s style) string {
	ci, si, oi, ri := t.col("cohort"), t.col("cohort_size"), t.col("period_offset"), t.col("retention_rate")
	var cohorts []string
	size := map[string]float64{}
	cells := map[string]map[int]float64{}
	maxOff := 0
	for _, r := range t.Rows {
		c := label(r[ci])
		if _, ok := cells[c]; !ok {
			cohorts = append(cohorts, c)
			cells[c] = map[int]float64{}
		}
		off := int(num(r[oi]))
		cells[c][off] = num(r[ri])
		maxOff = max(maxOff, off)
		if si >= 0 {
			size[c] = num(r[si])
		}
	}
	sort.Strings(cohorts)
	labelW := len("cohort")
	for _, c := range cohorts {
		labelW = max(labelW, widths.StringWidth(c))
	}
	sizeW := 0
	if si >= 0 {
		sizeW = len("users")
		for _, c := range cohorts {
			sizeW = max(sizeW, len(formatNumber(size[c])))
		}
		sizeW++
	}
	shown := min(maxOff+1, max((s.Width-labelW-sizeW)/cellWidth, 1))
	var b strings.Builder
	b.WriteString(pad("cohort", labelW, true))
	if si >= 0 {
		b.WriteString(pad("users", sizeW, false))
	}
	for off := 0; off < shown; off++ {
		b.WriteString(pad(fmt.Sprint(off), cellWidth, false))
	}
	b.WriteString("\n")
	for _, c := range cohorts {
		b.WriteString(pad(c, labelW, true))
		if si >= 0 {
			b.WriteString(pad(formatNumber(size[c]), sizeW, false))
		}
		for off := 0; off < shown; off++ {
			rate, ok := cells[c][off]
			b.WriteString(s.cell(rate, ok))
		}
		b.WriteString("\n")
	}
	if shown <= maxOff {
		fmt.Fprintf(&b, "(offsets %d-%d left out)\n", shown, maxOff)
	}
	return b.String()
}

// shades and asciiShades mark a cell's level from low to high when there
// is no colour.
var (
	shades      = []string{" ", "░", "▒", "▓", "█"}
	asciiShades = []string{" ", ".", ":", "*", "#"}
	// ramp is a light-to-dark blue ramp of the 256-colour palette.
	ramp = []int{255, 189, 153, 117, 111, 75, 69, 33, 27, 21}
)

// cell draws one heat map cell; a missing cell (a period not observed
// yet) stays blank.
func (s style) cell(rate float64, ok bool) string {
	if !ok {
		return strings.Repeat(" ", cellWidth)
	}
	text := fmt.Sprintf("%.0f%%", 100*rate)
	level := func(n int) int { return min(int(rate*float64(n)), n-1) }
	if s.Color {
		bg := ramp[level(len(ramp))]
		fg := 16 // black on light cells, white on dark ones
		if level(len(ramp)) >= len(ramp)/2 {
			fg = 231
		}
		return fmt.Sprintf(" \x1b[38;5;%d;48;5;%dm%s%s", fg, bg, pad(text, cellWidth-1, false), reset)
	}
	marks := asciiShades
	if s.Unicode {
		marks = shades
	}
	return " " + marks[level(len(marks))] + pad(text, cellWidth-2, false)
}
