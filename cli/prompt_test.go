package cli

import (
	"strings"
	"testing"
)

func TestWithContinuationPrompts(t *testing.T) {
	const p = "\r" + continuationPrompt
	for _, c := range []struct{ in, want string }{
		{"select 1;", "select 1;"},
		{"select 1,\n2;", "select 1,\n" + p + "2;"},
		{"a\n\nb", "a\n" + p + "\n" + p + "b"},
		// A coloured token over the break: the prompt is drawn plain and
		// the colour comes back after it.
		{"\x1b[32m'a\nb'\x1b[0m c", "\x1b[32m'a\n\x1b[0m" + p + "\x1b[32mb'\x1b[0m c"},
		// After a reset nothing is re-applied.
		{"\x1b[1;34mselect\x1b[0m 1,\n2", "\x1b[1;34mselect\x1b[0m 1,\n" + p + "2"},
		// Not a colour sequence: passed through, no colour tracked.
		{"\x1b[2Kx\ny", "\x1b[2Kx\n" + p + "y"},
	} {
		if got := withContinuationPrompts(c.in); got != c.want {
			t.Errorf("withContinuationPrompts(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestInputRows(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"", 1},
		{"select 1;", 1},
		{"select 1,\n2;", 2},
		{strings.Repeat("x", 11), 1}, // 8 + 11 = 19 columns of 20
		{strings.Repeat("x", 12), 2}, // fills the row: the cursor wraps
		{strings.Repeat("x", 13), 2},
		{"a\n" + strings.Repeat("é", 30) + "\n", 4}, // 8 + 30 over two rows, then an empty line
		{"漢字漢字漢字", 2},                               // 8 + 12 columns: wide characters count twice
	} {
		if got := inputRows(c.text, 8, 20); got != c.want {
			t.Errorf("inputRows(%q) = %d, want %d", c.text, got, c.want)
		}
	}
	if got, want := reserveRows("a\nb", 8, 80), "\n\n\x1b[2A\r\x1b[8C"; got != want {
		t.Errorf("reserveRows = %q, want %q", got, want)
	}
}
