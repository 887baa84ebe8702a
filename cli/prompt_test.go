package cli

import "testing"

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
