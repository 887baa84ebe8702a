package render

import (
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
)

// TestRender runs the golden files in testdata. Each holds commands like
//
//	render format=table width=40 maxrows=2 null=∅
//	name:VARCHAR|n:INTEGER
//	alice|1
//	NULL|2
//	----
//	<the output>
//
// with the result written as parseTable reads it. Run
// go test ./cli/render -rewrite to regenerate the outputs, and read the
// diff before keeping it.
func TestRender(t *testing.T) {
	datadriven.Walk(t, "testdata", func(t *testing.T, path string) {
		datadriven.RunTest(t, path, runRenderCommand)
	})
}

func runRenderCommand(t *testing.T, d *datadriven.TestData) string {
	if d.Cmd != "render" {
		d.Fatalf(t, "unknown command %q", d.Cmd)
	}
	format := "table"
	var opt Options
	if d.HasArg("format") {
		d.ScanArgs(t, "format", &format)
	}
	if d.HasArg("width") {
		d.ScanArgs(t, "width", &opt.Width)
	}
	if d.HasArg("maxrows") {
		d.ScanArgs(t, "maxrows", &opt.MaxRows)
	}
	if d.HasArg("null") {
		d.ScanArgs(t, "null", &opt.Null)
	}
	f, err := ParseFormat(format)
	if err != nil {
		d.Fatalf(t, "%v", err)
	}
	cols, data, err := parseTable(d.Input)
	if err != nil {
		d.Fatalf(t, "input: %v", err)
	}
	var out strings.Builder
	n, err := Write(&out, newSliceRows(cols, data), f, opt)
	if err != nil {
		return "error: " + err.Error()
	}
	if n != int64(len(data)) {
		d.Fatalf(t, "Write returned %d rows, the input has %d", n, len(data))
	}
	if opt.Width > 0 && f == Table {
		checkFits(t, d, out.String(), opt.Width)
	}
	return out.String()
}

// checkFits fails when a grid line is wider than width: the one promise of
// the width option that the golden files would not show by themselves.
// Only a width too small for one column one character wide (5) may be
// exceeded.
func checkFits(t *testing.T, d *datadriven.TestData, out string, width int) {
	if width < 5 {
		return
	}
	for _, line := range strings.Split(out, "\n") {
		if !strings.ContainsAny(line[:min(len(line), 3)], "┌│├└") {
			continue
		}
		if w := displayWidth(line); w > width {
			d.Fatalf(t, "line %q is %d wide, more than %d", line, w, width)
		}
	}
}
