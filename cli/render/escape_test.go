package render

import "testing"

func TestEscapeDisplay(t *testing.T) {
	cases := map[string]string{
		"plain":           "plain",
		"a\nb\tc\rd":      `a\nb\tc\rd`,
		"esc\x1b[31mred":  `esc\x1B[31mred`,
		"del\x7f nul\x00": `del\x7F nul\x00`,
		"c1\u0085 \u009b": `c1\u0085 \u009B`,
		`back\slash`:      `back\slash`,
		"東京 é":            "東京 é",
	}
	for in, want := range cases {
		if got := escapeDisplay(in); got != want {
			t.Errorf("escapeDisplay(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscapeTSV(t *testing.T) {
	cases := map[string]string{
		"plain":      "plain",
		"a\tb":       `a\tb`,
		"a\nb\r\n":   `a\nb\r\n`,
		`back\slash`: `back\\slash`,
		`\n`:         `\\n`,
	}
	for in, want := range cases {
		if got := escapeTSV(in); got != want {
			t.Errorf("escapeTSV(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscapeMarkdown(t *testing.T) {
	cases := map[string]string{
		"plain":         "plain",
		"a|b":           `a\|b`,
		"a\nb\r\nc\rd":  "a<br>b<br>c<br>d",
		"tab\tkept":     "tab\tkept",
		"esc\x1b":       `esc\x1B`,
		"東京|é":          `東京\|é`,
		"trailing\r\n":  "trailing<br>",
		"\r\r\n\n":      "<br><br><br>",
		"pipes || here": `pipes \|\| here`,
	}
	for in, want := range cases {
		if got := escapeMarkdown(in); got != want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	cases := map[string]int{
		"":         0,
		"abc":      3,
		"東京":       4,
		"naïve":    5,
		"e\u0301":  1,
		"…":        1,
		"─│┌":      3,
		"🎉":        2,
		"한국어 text": 11,
	}
	for in, want := range cases {
		if got := displayWidth(in); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestTruncate(t *testing.T) {
	cases := []struct {
		in    string
		w     int
		want  string
		width int
	}{
		{"hello", 5, "hello", 5},
		{"hello world", 5, "hell…", 5},
		{"東京タワー", 5, "東京…", 5},
		{"東京タワー", 6, "東京…", 5},
		{"abc", 1, "…", 1},
		{"abc", 0, "", 0},
	}
	for _, c := range cases {
		got, gw := truncate(c.in, displayWidth(c.in), c.w)
		if got != c.want || gw != c.width {
			t.Errorf("truncate(%q, %d) = %q (%d), want %q (%d)", c.in, c.w, got, gw, c.want, c.width)
		}
	}
}
