package funnel

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/datadriven"
)

// TestVectors runs the files in testdata (not its subdirectories, which
// hold the fuzz corpus). Commands:
//
//	level window=<w> [steps=<n>] [mode=(<option>, ...)]
//	    one group, one row a line: "<ts> <flags>", ts an integer or a UTC
//	    time 2006-01-02T15:04:05 (counted in seconds), flags one character
//	    per condition: x true, . false, n NULL. Text after # is a comment.
//	    steps defaults to the length of the flags. Prints the level, after
//	    checking that the reference replay agrees and that the order of
//	    the events does not matter.
//	parse-mode
//	    parses the input (one line, possibly empty) with ParseMode and
//	    prints the canonical mode, "(default)", or the error.
//	mode-bits bits=<n>
//	    prints ModeFromBits(n) like parse-mode.
func TestVectors(t *testing.T) {
	files, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		if fi, err := os.Stat(path); err != nil || fi.IsDir() {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			datadriven.RunTest(t, path, runVector)
		})
	}
}

func runVector(t *testing.T, d *datadriven.TestData) string {
	switch d.Cmd {
	case "level":
		return fmt.Sprintln(runLevel(t, d))
	case "parse-mode":
		return formatMode(ParseMode(d.Input))
	case "mode-bits":
		var n int64
		d.ScanArgs(t, "bits", &n)
		return formatMode(ModeFromBits(n))
	default:
		d.Fatalf(t, "unknown command %q", d.Cmd)
		return ""
	}
}

// formatMode prints the result of ParseMode or ModeFromBits.
func formatMode(m Mode, err error) string {
	switch {
	case err != nil:
		return "error: " + err.Error() + "\n"
	case m == Mode{}:
		return "(default)\n"
	default:
		return m.String() + "\n"
	}
}

// runLevel runs one level command.
func runLevel(t *testing.T, d *datadriven.TestData) int {
	var window int64
	d.ScanArgs(t, "window", &window)
	var mode Mode
	if arg, ok := d.Arg("mode"); ok {
		var err error
		if mode, err = ParseMode(strings.Join(arg.Vals, ",")); err != nil {
			d.Fatalf(t, "%v", err)
		}
	}
	rows, steps := parseRows(t, d)
	d.MaybeScanArgs(t, "steps", &steps)
	if steps == 0 {
		d.Fatalf(t, "no rows and no steps= argument")
	}

	events := rowEvents(rows, steps, mode)
	got := Level(events, window, steps, mode)
	if want := refLevel(rows, window, steps, mode); got != want {
		t.Errorf("%s: Level gives %d, the reference replay %d", d.Pos, got, want)
	}
	rng := rand.New(rand.NewPCG(uint64(len(events)), 7))
	for range 5 {
		rng.Shuffle(len(events), func(i, j int) { events[i], events[j] = events[j], events[i] })
		if again := Level(events, window, steps, mode); again != got {
			t.Errorf("%s: Level gives %d on shuffled events, %d in order", d.Pos, again, got)
		}
	}
	return got
}

// rowEvents builds the events of rows with AppendRow, numbering the rows
// from 0.
func rowEvents(rows []refRow, steps int, mode Mode) []Event {
	var events []Event
	for i, r := range rows {
		var mask uint32
		for k := 1; k <= steps; k++ {
			if r.cond[k-1] {
				mask |= 1 << (k - 1)
			}
		}
		events = AppendRow(events, r.ts, mask, uint32(i), mode)
	}
	return events
}

// parseRows reads the rows of a level command and the number of flags
// they have.
func parseRows(t *testing.T, d *datadriven.TestData) ([]refRow, int) {
	var rows []refRow
	steps := 0
	for line := range strings.Lines(d.Input) {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if len(fields) != 2 {
			d.Fatalf(t, "row %q: want <ts> <flags>", line)
		}
		ts, err := parseTS(fields[0])
		if err != nil {
			d.Fatalf(t, "row %q: %v", line, err)
		}
		flags := fields[1]
		if steps == 0 {
			steps = len(flags)
		} else if len(flags) != steps {
			d.Fatalf(t, "row %q: %d flags, earlier rows have %d", line, len(flags), steps)
		}
		r := refRow{ts: ts, cond: make([]bool, len(flags))}
		for k, c := range flags {
			switch c {
			case 'x':
				r.cond[k] = true
			case '.', 'n': // a NULL condition counts as false
			default:
				d.Fatalf(t, "row %q: flag %q is not x, . or n", line, c)
			}
		}
		rows = append(rows, r)
	}
	return rows, steps
}

// parseTS reads an integer timestamp or a UTC time counted in seconds.
func parseTS(s string) (int64, error) {
	if strings.Contains(s, "T") {
		tm, err := time.Parse("2006-01-02T15:04:05", s)
		return tm.Unix(), err
	}
	return strconv.ParseInt(s, 10, 64)
}
