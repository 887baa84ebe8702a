package sqltok

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
)

var kindNames = [...]string{"space", "comment", "string", "ident", "word", "number", "param", "op", "punct"}

// TestTokens runs testdata/tokens: the input's tokens, one per line, with
// their kind, text and whether they are open.
func TestTokens(t *testing.T) {
	datadriven.RunTest(t, "testdata/tokens", func(t *testing.T, d *datadriven.TestData) string {
		var b strings.Builder
		for _, tok := range Tokens(d.Input) {
			if tok.Kind == Space {
				continue
			}
			open := ""
			if tok.Open {
				open = " (open)"
			}
			fmt.Fprintf(&b, "%-7s %q%s\n", kindNames[tok.Kind], tok.Text(d.Input), open)
		}
		return b.String()
	})
}

// FuzzTokens checks that tokens cover the input exactly, in order, and
// that only a token at the end of the input is open.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"select 'a''b', E'\\'' from t -- c", "/* /* */ */ $x$ $ $1 1.5e3 .5 0x1F", `"q""x" a::int := $$`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		toks := Tokens(src)
		pos := 0
		for i, tok := range toks {
			if tok.Start != pos || tok.End <= tok.Start || tok.End > len(src) {
				t.Fatalf("token %d %+v does not continue at %d", i, tok, pos)
			}
			if tok.Open && i != len(toks)-1 {
				t.Fatalf("open token %d is not the last", i)
			}
			pos = tok.End
		}
		if pos != len(src) {
			t.Fatalf("tokens end at %d of %d", pos, len(src))
		}
	})
}

func TestIsKeyword(t *testing.T) {
	for w, want := range map[string]bool{"select": true, "FROM": true, "Join": true, "orders": false, "day": false, "": false} {
		if IsKeyword(w) != want {
			t.Errorf("IsKeyword(%q) = %v", w, !want)
		}
	}
}
