package chart

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/datadriven"
)

// parseTable reads a test table: the first line is "name TYPE | ...",
// each further line a row of cells separated by "|"; NULL is nil, numeric
// types become float64, DATE or TIMESTAMP time.Time, and a list type
// (VARCHAR[]) a []string of the cell's ";"-separated elements.
func parseTable(t *testing.T, input string) Table {
	lines := strings.Split(strings.TrimSpace(input), "\n")
	var tab Table
	for _, h := range strings.Split(lines[0], "|") {
		name, typ, _ := strings.Cut(strings.TrimSpace(h), " ")
		tab.Columns = append(tab.Columns, Column{Name: name, Type: typ})
	}
	for _, line := range lines[1:] {
		cells := strings.Split(line, "|")
		if len(cells) != len(tab.Columns) {
			t.Fatalf("row %q has %d cells, want %d", line, len(cells), len(tab.Columns))
		}
		row := make([]any, len(cells))
		for i, c := range cells {
			row[i] = parseCell(t, strings.TrimSpace(c), tab.Columns[i].Type)
		}
		tab.Rows = append(tab.Rows, row)
	}
	return tab
}

func parseCell(t *testing.T, c, typ string) any {
	switch {
	case c == "NULL":
		return nil
	case strings.HasSuffix(typ, "[]"):
		return strings.Split(c, ";")
	case typ == "DATE" || typ == "TIMESTAMP":
		ts, err := time.Parse("2006-01-02", c)
		if err != nil {
			t.Fatal(err)
		}
		return ts
	case typ == "BIGINT" || typ == "DOUBLE" || typ == "INTEGER":
		f, err := strconv.ParseFloat(c, 64)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	return c
}

var escapes = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestRender runs testdata/*: "chart style=ascii|unicode|color
// widths=40,80,120" draws the table at each width; "kind" names its shape.
func TestRender(t *testing.T) {
	datadriven.Walk(t, "testdata", func(t *testing.T, path string) {
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			tab := parseTable(t, d.Input)
			if d.Cmd == "kind" {
				return Kind(tab) + "\n"
			}
			style, widthList := "ascii", "40,80,120"
			d.MaybeScanArgs(t, "style", &style)
			d.MaybeScanArgs(t, "widths", &widthList)
			o := Options{Unicode: style != "ascii", Color: style == "color"}
			var b strings.Builder
			for _, w := range strings.Split(widthList, ",") {
				o.Width, _ = strconv.Atoi(w)
				out, err := Render(tab, o)
				if err != nil {
					return "error: " + err.Error() + "\n"
				}
				fmt.Fprintf(&b, "width %d:\n%s", o.Width, strings.ReplaceAll(out, "\x1b", `\e`))
				checkWidth(t, out, o.Width)
			}
			return b.String()
		})
	})
}

// checkWidth fails when a line of the picture is wider than asked.
func checkWidth(t *testing.T, out string, width int) {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if w := widths.StringWidth(escapes.ReplaceAllString(line, "")); w > width {
			t.Errorf("line is %d columns wide, more than %d: %q", w, width, line)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for f, want := range map[float64]string{0: "0", 1234567: "1,234,567", -1234.5: "-1,234.5", 0.12345: "0.1235", 12.345: "12.35", 100: "100"} {
		if got := formatNumber(f); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	if _, err := Render(Table{Columns: []Column{{"a", "INTEGER"}}}, Options{}); err == nil || !strings.Contains(err.Error(), "no rows") {
		t.Errorf("empty table: %v", err)
	}
	one := Table{Columns: []Column{{"name", "VARCHAR"}}, Rows: [][]any{{"x"}}}
	if _, err := Render(one, Options{}); err == nil || !strings.Contains(err.Error(), "name VARCHAR") {
		t.Errorf("text only: %v", err)
	}
}
