package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/martdb/martdb/cli/render"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/split"
)

// sqlCommand is `martdb [flags] [DBFILE]`: run statements from -c, -f or
// stdin.
func (e *env) sqlCommand(args []string) error {
	o := &options{}
	pos, err := parseInterleaved(o.flagSet(), args)
	if err != nil {
		return err
	}
	switch {
	case o.help:
		writeUsage(e.stdout, o)
		return nil
	case o.version:
		fmt.Fprintf(e.stdout, "martdb %s\n", engine.Version)
		return nil
	case len(pos) > 1:
		return usagef("too many arguments: %q (expected at most one database file)", pos)
	}
	if len(pos) == 1 {
		o.db = pos[0]
	}
	repl := len(o.commands) == 0 && len(o.files) == 0 && e.interactive()
	var scripts []script
	if !repl {
		if scripts, err = e.scripts(o); err != nil {
			return err
		}
	}
	p, err := e.newPrinter(o.format, o.maxRows)
	if err != nil {
		return err
	}
	eng, s, err := e.openEngine(o.db, o)
	if err != nil {
		return err
	}
	if o.demo {
		if err := e.ensureDemo(s); err != nil {
			return closeEngine(eng, err)
		}
	}
	if repl {
		eng, err = e.startREPL(eng, s, p, o)
		return closeEngine(eng, err)
	}
	return closeEngine(eng, e.runScripts(s, scripts, p, o.continueOnError))
}

// script is SQL text and where it came from.
type script struct {
	name string
	text string
}

// scripts gathers the SQL to run: every -c, then every -f, else all of
// stdin (the shell is for when stdin and stdout are both terminals).
func (e *env) scripts(o *options) ([]script, error) {
	var out []script
	for _, c := range o.commands {
		out = append(out, script{name: "-c", text: c})
	}
	for _, f := range o.files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, usagef("cannot read script: %v", err)
		}
		out = append(out, script{name: f, text: string(b)})
	}
	if len(out) > 0 {
		return out, nil
	}
	b, err := io.ReadAll(e.stdin)
	if err != nil {
		return nil, fmt.Errorf("reading standard input: %w", err)
	}
	return []script{{name: "stdin", text: string(b)}}, nil
}

// runScripts runs the scripts in order. It stops at the first failed
// statement unless continueOnError; any failure makes the result an error.
func (e *env) runScripts(s *engine.Session, scripts []script, p *printer, continueOnError bool) error {
	var first error
	for _, sc := range scripts {
		err := e.runScript(s, sc, p, continueOnError)
		if err != nil && first == nil {
			first = err
		}
		if err != nil && !continueOnError {
			break
		}
	}
	return first
}

// runScript runs one script statement by statement, printing each result
// and each error (with the script's text for the caret line).
func (e *env) runScript(s *engine.Session, sc script, p *printer, continueOnError bool) error {
	var first error
	for _, st := range split.Split(sc.text) {
		err := s.Exec(e.ctx, st.Text, func(r *engine.Result) error { return p.print(r) })
		if err == nil {
			continue
		}
		printError(e.stderr, shiftPosition(err, sc.text, st.Offset), sc.text)
		if first == nil {
			first = reportedError{err}
		}
		if !continueOnError || e.ctx.Err() != nil {
			break
		}
	}
	return first
}

// terminalMaxRows is how many rows the table format shows on a terminal
// unless told otherwise, as in DuckDB's shell.
const terminalMaxRows = 40

// newPrinter chooses the output format: the flag, else table on a terminal
// and CSV otherwise. maxRows < 0 means the default for the output.
func (e *env) newPrinter(format string, maxRows int) (*printer, error) {
	tty := isTerminal(e.stdout)
	if format == "" {
		format = "csv"
		if tty {
			format = "table"
		}
	}
	f, err := render.ParseFormat(format)
	if err != nil {
		return nil, usageError{err}
	}
	opt := render.Options{MaxRows: maxRows}
	if tty {
		opt.Width = terminalWidth(e.stdout)
	}
	if maxRows < 0 {
		opt.MaxRows = 0
		if tty {
			opt.MaxRows = terminalMaxRows
		}
	}
	return &printer{w: e.stdout, format: f, opt: opt}, nil
}

// tableFormat is the box-drawn grid, the default on a terminal.
const tableFormat = render.Format("table")

// shiftPosition makes an error position relative to a whole script rather
// than to the statement at byte offset off in it.
func shiftPosition(err error, script string, off int) error {
	var e *engine.Error
	if !errors.As(err, &e) || e.Position == 0 {
		return err
	}
	c := *e
	c.Position += utf8.RuneCountInString(script[:off])
	return &c
}

// printer writes results in one format.
type printer struct {
	w       io.Writer
	format  render.Format
	opt     render.Options
	printed int // result sets printed so far
}

// heading writes a line of text before the next result, separated from
// what was printed before by a blank line.
func (p *printer) heading(text string) {
	if p.printed > 0 {
		fmt.Fprintln(p.w)
	}
	fmt.Fprintln(p.w, text)
	p.printed = 0
}

// print writes a result set, or for a command the PostgreSQL-style tag in
// table format (machine formats stay clean).
func (p *printer) print(r *engine.Result) error {
	if !r.HasRows() {
		if p.format == tableFormat {
			_, err := fmt.Fprintln(p.w, r.Tag())
			return err
		}
		return nil
	}
	if p.printed > 0 && p.format == tableFormat {
		fmt.Fprintln(p.w)
	}
	p.printed++
	_, err := render.Write(p.w, r, p.format, p.opt)
	return err
}
