package highlight

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
)

func isFunction(name string) bool {
	switch strings.ToLower(name) {
	case "funnel", "count", "sum", "window_funnel", "left":
		return true
	}
	return false
}

// TestSpans runs testdata/spans: each classified span as class and text.
func TestSpans(t *testing.T) {
	names := map[Class]string{Keyword: "keyword", String: "string", Number: "number", Comment: "comment", Function: "function", Param: "param"}
	datadriven.RunTest(t, "testdata/spans", func(t *testing.T, d *datadriven.TestData) string {
		var b strings.Builder
		for _, s := range Spans(d.Input, isFunction) {
			fmt.Fprintf(&b, "%-8s %q\n", names[s.Class], d.Input[s.Start:s.End])
		}
		return b.String()
	})
}

func TestRender(t *testing.T) {
	got := Render("select 'x' -- c", Spans("select 'x' -- c", nil), DefaultTheme)
	want := "\x1b[1;34mselect\x1b[0m \x1b[32m'x'\x1b[0m \x1b[90m-- c\x1b[0m"
	if got != want {
		t.Errorf("Render = %q, want %q", got, want)
	}
	if got := Render("select 1", nil, DefaultTheme); got != "select 1" {
		t.Errorf("Render without spans = %q", got)
	}
}

var escape = regexp.MustCompile("\x1b\\[[0-9;]*m")

// FuzzRender checks that highlighting never changes the visible text and
// that spans are ordered, disjoint and inside the text.
func FuzzRender(f *testing.F) {
	for _, s := range []string{"select count(*) from funnel(t, u, ts, [a = 1]) -- x", "E'\\'' /* /* */ $$ $1 ? 1e5", "\x1b[31m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if strings.Contains(text, "\x1b") {
			return // escapes in the input would be indistinguishable
		}
		spans := Spans(text, isFunction)
		pos := 0
		for _, s := range spans {
			if s.Start < pos || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %+v after %d in %q", s, pos, text)
			}
			pos = s.End
		}
		if got := escape.ReplaceAllString(Render(text, spans, DefaultTheme), ""); got != text {
			t.Fatalf("visible text changed: %q -> %q", text, got)
		}
	})
}
