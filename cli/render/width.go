package render

import "github.com/mattn/go-runewidth"

// widths measures display width the same way whatever the locale:
// East Asian ambiguous characters (the box-drawing characters and "…"
// among them) count as one column, wide CJK characters as two.
var widths = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}

// ellipsis marks text that was cut short, and the column that stands for
// the columns left out.
const ellipsis = "…"

// displayWidth is the number of terminal columns s takes.
func displayWidth(s string) int {
	return widths.StringWidth(s)
}

// truncate shortens s, whose display width is sw, to at most w columns,
// ending it with an ellipsis when something was cut. It returns the new
// text and its width.
func truncate(s string, sw, w int) (string, int) {
	if sw <= w {
		return s, sw
	}
	if w <= 0 {
		return "", 0
	}
	t := widths.Truncate(s, w, ellipsis)
	return t, displayWidth(t)
}

type align int

const (
	alignLeft align = iota
	alignRight
	alignCenter
)

// appendPadded appends s, whose display width is sw, padded with spaces to
// w columns.
func appendPadded(b []byte, s string, sw, w int, a align) []byte {
	gap := max(w-sw, 0)
	left := 0
	switch a {
	case alignRight:
		left = gap
	case alignCenter:
		left = gap / 2
	}
	b = appendSpaces(b, left)
	b = append(b, s...)
	return appendSpaces(b, gap-left)
}

func appendSpaces(b []byte, n int) []byte {
	for range n {
		b = append(b, ' ')
	}
	return b
}
