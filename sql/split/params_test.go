package split

import (
	"fmt"
	"testing"
)

func TestParams(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"SELECT $1 + $2", "[{7 9 1} {12 14 2}]"},
		{"SELECT '$1', \"$2\", $$ $3 $$, $tag$ $4 $tag$ -- $5\n, /* $6 */ $7", "[{61 63 7}]"},
		{"SELECT f($10)", "[{9 12 10}]"},
		{"SELECT E'\\'$1', $2", "[{16 18 2}]"},
		{"SELECT $ 1, $", "[]"},
	} {
		got := fmt.Sprint(Params(c.src))
		if c.want == "[]" && len(Params(c.src)) == 0 {
			continue
		}
		if got != c.want {
			t.Errorf("Params(%q) = %s, want %s", c.src, got, c.want)
		}
	}
}
