package cli

import (
	"fmt"
	"strings"

	"github.com/mattn/go-runewidth"
)

// Prompts: the primary one, and the one continuing a statement.
const (
	primaryPrompt      = "martdb> "
	continuationPrompt = "   ...> "
)

// withContinuationPrompts puts the continuation prompt at the start of
// every line after the first of a highlighted input.
//
// readline draws each line after the first from the column the primary
// prompt ends at, over blanks, and shows its own secondary prompt only
// in a "multiline column" that overwrites wrapped lines. So the prompt
// goes into the displayed text instead: after each newline, a carriage
// return, the prompt (as wide as the primary one, so the cursor lands
// where readline expects) and the colour that was on before it, for a
// string or comment running over the line break.
func withContinuationPrompts(highlighted string) string {
	if !strings.Contains(highlighted, "\n") {
		return highlighted
	}
	var b strings.Builder
	b.Grow(len(highlighted) + 16*strings.Count(highlighted, "\n"))
	active := "" // the colour sequence in effect
	for i := 0; i < len(highlighted); i++ {
		c := highlighted[i]
		if c == '\x1b' {
			end := sgrEnd(highlighted, i)
			if end > i {
				seq := highlighted[i:end]
				if seq == sgrReset {
					active = ""
				} else {
					active = seq
				}
				b.WriteString(seq)
				i = end - 1
				continue
			}
		}
		b.WriteByte(c)
		if c != '\n' {
			continue
		}
		if active != "" {
			b.WriteString(sgrReset)
		}
		b.WriteString("\r" + continuationPrompt + active)
	}
	return b.String()
}

const sgrReset = "\x1b[0m"

// sgrEnd is the end of the colour sequence (ESC [ digits and ; m) at i,
// or i when there is none.
func sgrEnd(s string, i int) int {
	if i+1 >= len(s) || s[i+1] != '[' {
		return i
	}
	for j := i + 2; j < len(s); j++ {
		switch c := s[j]; {
		case c == 'm':
			return j + 1
		case c == ';' || '0' <= c && c <= '9':
		default:
			return i
		}
	}
	return i
}

// reserveRows makes sure the screen has a row below an input of the given
// text, starting where the prompt ends (column indent) on a screen cols
// wide, and leaves the cursor where it was.
//
// readline, with cursor-position-probe off, cannot tell where on the
// screen the input is: when the input's last row was the screen's
// bottom row (a prompt after a result that filled the screen, or a
// statement grown to it), each redraw cleared that row and moved the
// cursor one row up, so the prompt vanished until a key was typed and
// the input was then drawn over the last line of the result. Line feeds
// scroll the screen when needed (the terminal is raw, so they keep the
// column) and the cursor then goes back up to the same text; the
// carriage return and the move right put it back after the prompt
// whatever the terminal does with a line feed.
func reserveRows(text string, indent, cols int) string {
	n := inputRows(text, indent, cols)
	return strings.Repeat("\n", n) + fmt.Sprintf("\x1b[%dA\r\x1b[%dC", n, indent)
}

// inputRows is how many screen rows text takes from column indent on a
// screen cols wide, each line after the first starting at indent too
// (one more for a line that exactly fills its rows, where the cursor
// wraps).
func inputRows(text string, indent, cols int) int {
	if cols <= indent {
		return strings.Count(text, "\n") + 1
	}
	rows := 0
	for _, line := range strings.Split(text, "\n") {
		rows += (indent+runewidth.StringWidth(strings.ReplaceAll(line, "\t", "    ")))/cols + 1
	}
	return rows
}
