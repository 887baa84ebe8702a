package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/term"

	"github.com/martdb/martdb/engine"
)

// interactive reports whether martdb talks to a person: standard input
// and output are both terminals.
func (e *env) interactive() bool {
	return isTerminal(e.stdin) && isTerminal(e.stdout)
}

// startREPL runs the interactive shell on an open engine and session
// until the user quits. Ctrl-C cancels a running statement; SIGTERM and
// SIGHUP end the shell with the terminal restored.
func (e *env) startREPL(eng *engine.Engine, s *engine.Session, p *printer, o *options) (*engine.Engine, error) {
	e.stopSignals() // from here on signals are the shell's to handle
	// Stopping the signal context cancelled it; what the shell opens
	// later (.open) must not start out cancelled.
	e.ctx = context.WithoutCancel(e.ctx)
	saved := saveTerminal(e.stdin)
	schema := newSchemaCache(s)
	r := &repl{e: e, eng: eng, s: s, out: newOutput(e.stdout), schema: schema, opt: o}
	r.out.maxRows = p.opt.MaxRows
	r.out.format = p.format
	r.ed = newReadlineEditor(schema, historyPath())

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	go func() {
		for sig := range sigs {
			if sig == os.Interrupt {
				r.interrupt()
				continue
			}
			// The statement executing, if any, is left alone: cancelled,
			// it would return and the loop would put the terminal back in
			// raw mode for the next prompt while this goroutine restores
			// it, and closing the engine under it could crash. DuckDB's
			// write-ahead log keeps what was committed.
			busy := r.executing()
			if busy && isTerminal(e.stderr) {
				// Erase the progress line, if one is drawn: the shell's
				// prompt comes on that line.
				fmt.Fprint(e.stderr, "\r\x1b[K")
			} else {
				// The shell's prompt starts a line of its own (the
				// terminal may be raw, where a newline does not return
				// the carriage).
				fmt.Fprint(e.stdout, "\r\n")
			}
			restoreTerminal(e.stdin, saved)
			if !busy {
				r.eng.Close() // the loop is waiting for input, not using it
			}
			os.Exit(128 + int(sig.(syscall.Signal)))
		}
	}()
	err := r.run()
	r.ed.Close()
	r.out.setFile(nil, false)
	restoreTerminal(e.stdin, saved)
	return r.eng, err
}

// saveTerminal records the terminal's settings so that every way out of
// the shell leaves them as they were.
func saveTerminal(f any) *term.State {
	file, ok := f.(*os.File)
	if !ok {
		return nil
	}
	st, err := term.GetState(int(file.Fd()))
	if err != nil {
		return nil
	}
	return st
}

func restoreTerminal(f any, st *term.State) {
	if file, ok := f.(*os.File); ok && st != nil {
		term.Restore(int(file.Fd()), st)
	}
}
