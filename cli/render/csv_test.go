package render

import (
	"encoding/csv"
	"reflect"
	"strings"
	"testing"

	"github.com/martdb/martdb/engine"
)

func TestCSVRoundTrip(t *testing.T) {
	cols := []engine.Column{{Name: "a,b", Type: "VARCHAR"}, {Name: `say "hi"`, Type: "INTEGER"}}
	values := []string{
		"plain", "", "with,comma", `with "quotes"`, "\"", "two\nlines", "crlf\r\nend",
		"cr\ronly", " leading space", "trailing space ", "\ttab", `\.`, "東京",
	}
	var data [][]any
	for i, v := range values {
		data = append(data, []any{v, int32(i)})
	}
	data = append(data, []any{nil, nil})
	out := render(t, CSV, cols, data...)

	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("%v in\n%s", err, out)
	}
	if want := []string{"a,b", `say "hi"`}; !reflect.DeepEqual(records[0], want) {
		t.Errorf("header %q, want %q", records[0], want)
	}
	for i, v := range values {
		// encoding/csv reads \r\n inside a quoted field back as \n.
		want := strings.ReplaceAll(v, "\r\n", "\n")
		if got := records[i+1][0]; got != want {
			t.Errorf("record %d: got %q, want %q", i, got, want)
		}
	}
	if last := records[len(records)-1]; !reflect.DeepEqual(last, []string{"", ""}) {
		t.Errorf("NULL row: got %q", last)
	}
}

func TestCSVQuoting(t *testing.T) {
	cols := []engine.Column{{Name: "s", Type: "VARCHAR"}, {Name: "n", Type: "DECIMAL(4,2)"}}
	out := render(t, CSV, cols,
		[]any{"a,b", nil},
		[]any{`x"y`, nil},
		[]any{"cr\rlf\n", nil},
		[]any{"", nil},
	)
	want := "s,n\n\"a,b\",\n\"x\"\"y\",\n\"cr\rlf\n\",\n,\n"
	if out != want {
		t.Errorf("got %q\nwant %q", out, want)
	}
}
