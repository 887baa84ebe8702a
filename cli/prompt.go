package cli

import "strings"

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
