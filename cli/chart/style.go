package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"
)

// style draws the pieces every shape shares, in the chosen style.
type style struct {
	Options
}

func newStyle(o Options) style { return style{o} }

const reset = "\x1b[0m"

// bar draws a bar of length frac*width columns, padded to width.
func (s style) bar(frac float64, width int) string {
	frac = math.Max(0, math.Min(1, frac))
	if !s.Unicode {
		n := int(math.Round(frac * float64(width)))
		return strings.Repeat("#", n) + strings.Repeat(" ", width-n)
	}
	eighths := int(math.Round(frac * float64(width) * 8))
	full, part := eighths/8, eighths%8
	b := strings.Repeat("█", full)
	pad := width - full
	if part > 0 {
		b += string([]rune("▏▎▍▌▋▊▉")[part-1])
		pad--
	}
	if s.Color {
		b = "\x1b[36m" + b + reset
	}
	return b + strings.Repeat(" ", pad)
}

// widths measures like cli/render: ambiguous characters are narrow.
var widths = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}

// pad fits s into exactly w columns, cutting it with "…" or padding it on
// the right (left=false pads on the left).
func pad(s string, w int, left bool) string {
	sw := widths.StringWidth(s)
	if sw > w {
		s = widths.Truncate(s, w, "…")
		sw = widths.StringWidth(s)
	}
	if left {
		return s + strings.Repeat(" ", w-sw)
	}
	return strings.Repeat(" ", w-sw) + s
}

// label formats a cell as a label.
func label(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case string:
		return x
	case float64:
		return formatNumber(x)
	case time.Time:
		return formatTime(x)
	}
	return fmt.Sprint(v)
}

// formatTime shows a date without its midnight time.
func formatTime(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04")
}

// formatNumber shows a number with thousands separators and at most two
// decimals (more for numbers below one).
func formatNumber(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	prec := 2
	if a := math.Abs(f); a != 0 && a < 1 {
		prec = 4
	}
	s := strconv.FormatFloat(f, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	intPart, frac, _ := strings.Cut(s, ".")
	sign := ""
	if strings.HasPrefix(intPart, "-") {
		sign, intPart = "-", intPart[1:]
	}
	for i := len(intPart) - 3; i > 0; i -= 3 {
		intPart = intPart[:i] + "," + intPart[i:]
	}
	if frac != "" {
		return sign + intPart + "." + frac
	}
	return sign + intPart
}

// percent shows a rate (1 is 100%) with one decimal.
func percent(f float64) string {
	return strconv.FormatFloat(100*f, 'f', 1, 64) + "%"
}
