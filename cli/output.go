package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/mattn/go-runewidth"
	"golang.org/x/term"

	"github.com/martdb/martdb/cli/chart"
	"github.com/martdb/martdb/cli/render"
	"github.com/martdb/martdb/engine"
)

// output is where and how the REPL shows results: the format (.mode),
// the row limit (.maxrows), expanded display (\x), a file instead of
// the terminal (.output, .once), the pager, and the last result kept
// for .chart.
type output struct {
	stdout   io.Writer
	format   render.Format
	maxRows  int
	expanded string // "off", "on" or "auto"
	pager    string // "on", "off", or a command
	file     *os.File
	once     bool // file is for the next result only
	last     chart.Table
	lastOK   bool
	printed  int
}

// chartRowLimit is how many rows of a result are kept for .chart and for
// re-rendering in expanded form.
const chartRowLimit = 10000

func newOutput(stdout io.Writer) *output {
	return &output{stdout: stdout, format: render.Table, maxRows: terminalMaxRows, expanded: "off", pager: "on"}
}

// target is the writer results go to now, and whether it is the terminal.
func (o *output) target() (io.Writer, bool) {
	if o.file != nil {
		return o.file, false
	}
	return o.stdout, isTerminal(o.stdout)
}

// result shows one statement's result: a command's tag, or its rows.
func (o *output) result(r *engine.Result) error {
	w, tty := o.target()
	if !r.HasRows() {
		if o.format == render.Table {
			fmt.Fprintln(w, r.Tag())
		}
		return nil
	}
	width := 0
	if tty {
		width = terminalWidth(w)
	}
	rec := &recorder{src: r, limit: chartRowLimit}
	var buf bytes.Buffer
	format, opt := o.format, render.Options{Width: width, MaxRows: o.maxRows}
	if o.expanded == "on" {
		format = render.Line
	}
	if o.expanded == "auto" && format == render.Table {
		opt.Width = 0 // measure the natural width first
	}
	if _, err := render.Write(&buf, rec, format, opt); err != nil {
		return err
	}
	o.last, o.lastOK = rec.table(), true
	if o.expanded == "auto" && format == render.Table {
		buf = o.autoExpand(buf, rec, width)
	}
	return o.emit(w, tty, buf.Bytes())
}

// autoExpand re-renders a table too wide for the terminal one column per
// line, as psql's \x auto does; narrow tables are rendered again at the
// terminal's width (for the footer and truncation rules).
func (o *output) autoExpand(buf bytes.Buffer, rec *recorder, width int) bytes.Buffer {
	if width <= 0 || rec.truncated {
		return buf
	}
	if widestLine(buf.String()) <= width {
		return buf
	}
	var out bytes.Buffer
	render.Write(&out, rec.replay(), render.Line, render.Options{})
	return out
}

func widestLine(s string) int {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, runewidth.StringWidth(line))
	}
	return w
}

// emit writes rendered output, through the pager when it is taller than
// the terminal, and ends a .once redirection.
func (o *output) emit(w io.Writer, tty bool, b []byte) error {
	if o.printed > 0 && o.format == render.Table {
		w.Write([]byte("\n"))
	}
	o.printed++
	var err error
	if tty && o.pager != "off" && tooTall(w, b) {
		err = runPager(o.pagerCommand(), b, w)
	} else {
		_, err = w.Write(b)
	}
	if o.once {
		o.setFile(nil, false)
	}
	return err
}

// tooTall reports whether b has more lines than the terminal w.
func tooTall(w io.Writer, b []byte) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	_, height, err := term.GetSize(int(f.Fd()))
	return err == nil && height > 0 && bytes.Count(b, []byte("\n")) >= height-1
}

// pagerCommand is .pager's command, else $PAGER, else less.
func (o *output) pagerCommand() string {
	if o.pager != "on" && o.pager != "" {
		return o.pager
	}
	if p := os.Getenv("PAGER"); p != "" {
		return p
	}
	return "less -FRSX"
}

// runPager pipes b through the pager command on the terminal; if the
// pager cannot start, b is written directly.
func runPager(command string, b []byte, w io.Writer) error {
	fields := strings.Fields(command)
	if len(fields) == 0 {
		_, err := w.Write(b)
		return err
	}
	cmd := exec.Command(fields[0], fields[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(b), w, os.Stderr
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); ok {
			return nil // the pager ran; how it ended is the user's business
		}
		_, werr := w.Write(b)
		return werr
	}
	return nil
}

// setFile sends results to f (nil: back to the terminal), closing the
// file used before.
func (o *output) setFile(f *os.File, once bool) {
	if o.file != nil {
		o.file.Close()
	}
	o.file, o.once = f, once
}
