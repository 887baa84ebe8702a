package sequence

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
)

// TestDataDriven runs the files in testdata (not its subdirectories, which
// hold the fuzz corpus). Commands:
//
//	events conds=N [units=U]   set the group's events (units default to 1),
//	                           one "TS CONDS" a line, CONDS being "-" or
//	                           condition numbers joined by ","; prints the
//	                           visible events in the order matching sees
//	                           them, as TS:CONDS
//	eval [conds=N] [units=U]   one pattern a line, against the events (conds
//	                           and units default to the events'); prints
//	                           match and count, or the error
//	compile conds=N [units=U]  one pattern a line; prints ok or the error
//
// A pattern line starting with a double quote is a Go string literal (for
// the empty pattern and odd bytes). Every eval result is also checked
// against the reference matcher of reference_test.go.
func TestDataDriven(t *testing.T) {
	files, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		if fi, err := os.Stat(path); err != nil || fi.IsDir() {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			var g group
			datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
				return g.run(t, d)
			})
		})
	}
}

// group is the state a test file builds up: the current events, with the
// conds and units they were given (eval's defaults).
type group struct {
	events []Event
	conds  int
	units  int64
}

func (g *group) run(t *testing.T, d *datadriven.TestData) string {
	conds, units := 0, int64(1)
	if d.Cmd == "eval" {
		conds, units = g.conds, g.units
	}
	if d.HasArg("conds") {
		d.ScanArgs(t, "conds", &conds)
	}
	if d.HasArg("units") {
		d.ScanArgs(t, "units", &units)
	}
	switch d.Cmd {
	case "events":
		if conds == 0 {
			d.Fatalf(t, "events needs conds=N")
		}
		g.events, g.conds, g.units = parseEvents(t, d), conds, units
		return formatVisible(g.events, conds)
	case "eval":
		return g.eval(t, d, conds, units)
	case "compile":
		return compileLines(t, d, conds, units)
	}
	d.Fatalf(t, "unknown command %q", d.Cmd)
	return ""
}

// eval runs each pattern line against a copy of the events.
func (g *group) eval(t *testing.T, d *datadriven.TestData, conds int, units int64) string {
	var out strings.Builder
	for _, line := range patternLines(t, d) {
		p, err := Compile(line, conds, units)
		if err != nil {
			fmt.Fprintf(&out, "%s -> error: %v\n", line, err)
			continue
		}
		match := p.Match(slices.Clone(g.events))
		count := p.Count(slices.Clone(g.events))
		fmt.Fprintf(&out, "%s -> match=%v count=%d\n", line, match, count)
		elems, ok := refParse(line, conds)
		if !ok {
			t.Errorf("%s: the reference rejects a pattern Compile accepts", d.Pos)
			continue
		}
		if rm, rc := refMatch(elems, g.events, conds, units), refCount(elems, g.events, conds, units); rm != match || rc != count {
			t.Errorf("%s: %s: the reference says match=%v count=%d", d.Pos, line, rm, rc)
		}
	}
	return out.String()
}

// compileLines prints ok or the error for each pattern line, checking
// that the position an error reports is where it says.
func compileLines(t *testing.T, d *datadriven.TestData, conds int, units int64) string {
	var out strings.Builder
	for _, line := range patternLines(t, d) {
		shown := line
		if line == "" || strings.ContainsAny(line, " \"") || !isPrintable(line) {
			shown = strconv.Quote(line)
		}
		_, err := Compile(line, conds, units)
		if err == nil {
			fmt.Fprintf(&out, "%s -> ok\n", shown)
			continue
		}
		fmt.Fprintf(&out, "%s -> %v\n", shown, err)
		var se *SyntaxError
		if errors.As(err, &se) {
			checkSyntaxError(t, line, se)
		}
	}
	return out.String()
}

// parseEvents reads "TS CONDS" lines.
func parseEvents(t *testing.T, d *datadriven.TestData) []Event {
	var evs []Event
	for _, line := range strings.Split(d.Input, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 2 {
			d.Fatalf(t, "event %q: want TS CONDS", line)
		}
		ts, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			d.Fatalf(t, "event %q: %v", line, err)
		}
		var mask uint32
		if fields[1] != "-" {
			for _, c := range strings.Split(fields[1], ",") {
				n, err := strconv.Atoi(c)
				if err != nil || n < 1 || n > 32 {
					d.Fatalf(t, "event %q: bad condition %q", line, c)
				}
				mask |= 1 << (n - 1)
			}
		}
		evs = append(evs, Event{TS: ts, Mask: mask})
	}
	return evs
}

// formatVisible prints the events matching sees, sorted, as TS:CONDS.
func formatVisible(events []Event, conds int) string {
	evs := slices.Clone(events)
	sortEvents(evs)
	var parts []string
	for _, e := range evs {
		if e.Mask&(1<<conds-1) == 0 {
			continue
		}
		var cs []string
		for c := 1; c <= conds; c++ {
			if e.Mask>>(c-1)&1 == 1 {
				cs = append(cs, strconv.Itoa(c))
			}
		}
		parts = append(parts, fmt.Sprintf("%d:%s", e.TS, strings.Join(cs, ",")))
	}
	if len(parts) == 0 {
		return "(no visible events)\n"
	}
	return strings.Join(parts, " ") + "\n"
}

// patternLines returns the input's lines, unquoting Go string literals.
func patternLines(t *testing.T, d *datadriven.TestData) []string {
	var out []string
	for _, line := range strings.Split(d.Input, "\n") {
		if strings.HasPrefix(line, `"`) {
			s, err := strconv.Unquote(line)
			if err != nil {
				d.Fatalf(t, "pattern %s: %v", line, err)
			}
			line = s
		}
		out = append(out, line)
	}
	return out
}

func isPrintable(s string) bool {
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			return false
		}
	}
	return true
}

// checkSyntaxError checks a SyntaxError's position against its pattern:
// the offset is in the pattern (or at its end), Pos is the character
// position of that offset, and the message names it.
func checkSyntaxError(t *testing.T, pattern string, se *SyntaxError) {
	t.Helper()
	if se.Pattern != pattern {
		t.Errorf("%q: error names pattern %q", pattern, se.Pattern)
	}
	if se.Offset < 0 || se.Offset > len(pattern) {
		t.Fatalf("%q: error offset %d outside the pattern", pattern, se.Offset)
	}
	if want := len([]rune(pattern[:se.Offset])) + 1; se.Pos != want {
		t.Errorf("%q: error position %d, want %d for offset %d", pattern, se.Pos, want, se.Offset)
	}
	if pattern != "" && !strings.Contains(se.Error(), fmt.Sprintf(" at position %d", se.Pos)) {
		t.Errorf("%q: message %q does not give position %d", pattern, se.Error(), se.Pos)
	}
	if !strings.HasPrefix(se.Error(), "pattern: ") {
		t.Errorf("%q: message %q does not start with \"pattern: \"", pattern, se.Error())
	}
}
