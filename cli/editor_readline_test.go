package cli

import (
	"io"
	"strings"
	"testing"

	"github.com/reeflective/readline"
)

// TestCompletionsSurviveReadline checks the candidates handed to readline
// against what readline v1.3.0 does with them: it keeps only the values
// starting with the prefix (in any case, as the editor is configured),
// and an empty prefix makes it take the word before the cursor instead.
// Every candidate must survive that.
func TestCompletionsSurviveReadline(t *testing.T) {
	r := newScriptREPL(t, io.Discard, io.Discard, nil)
	for _, in := range []string{
		"SELECT * FROM fun|",
		"SELECT | FROM orders",
		"select * from funnel(events, user_id, ts, [event = 'view'], mode := '|",
		"select * from funnel(events, user_id, ts, [event = 'view'], mode := 'strict_order,|",
		"select o.| from orders o",
		"select sum(| from orders",
		"select order_id,| from orders",
		"select * from orders where amount >|",
		"sel|",
		"Sel|",
		"SELECT * FROM Ord|",
		"SELECT * FROM ord|",
		"SELECT * FROM \"ord|",
		".mo|",
		".mode |",
		"\\x |",
	} {
		cursor := strings.IndexByte(in, '|')
		text := in[:cursor] + in[cursor+1:]
		comps := completions(text, len([]rune(text[:cursor])), r.schema)
		var all, kept []string
		comps.EachValue(func(c readline.Completion) readline.Completion {
			all = append(all, c.Value)
			if strings.HasPrefix(strings.ToLower(c.Value), strings.ToLower(comps.PREFIX)) {
				kept = append(kept, c.Value)
			}
			return c
		})
		switch {
		case len(all) == 0:
			t.Errorf("%s: no candidates", in)
		case comps.PREFIX == "" && cursor > 0 && !strings.ContainsRune(" \t\n", rune(text[cursor-1])):
			t.Errorf("%s: empty prefix after %q: readline would filter by the word before the cursor", in, text[cursor-1])
		case len(kept) != len(all):
			t.Errorf("%s: readline keeps %d of %d candidates for prefix %q: %q", in, len(kept), len(all), comps.PREFIX, all)
		}
	}
}
