package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/martdb/martdb/cli/meta"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/split"
)

// repl is one interactive session: a line editor feeding statements and
// meta-commands to an engine session, and the display settings the
// meta-commands change.
type repl struct {
	e      *env
	eng    *engine.Engine
	s      *engine.Session
	ed     lineEditor
	opt    *options // the command line's, for .open (nil: defaults)
	out    *output
	schema *schemaCache
	timer  bool
	quit   bool
	quiet  bool // no banner (tests)

	mu     sync.Mutex         // guards cancel
	cancel context.CancelFunc // ends the executing statement (Ctrl-C); nil between statements
}

// errQuit ends the loop from a meta-command.
var errQuit = errors.New("quit")

// run reads and executes input until end of input or .quit. It returns
// the last statement's error state only for the exit status: an
// interactive session that ends normally exits 0.
func (r *repl) run() error {
	if !r.quiet {
		r.banner()
	}
	for !r.quit {
		text, err := r.ed.Readline()
		switch {
		case errors.Is(err, errInterrupt):
			continue // Ctrl-C while editing clears the input
		case errors.Is(err, io.EOF):
			fmt.Fprintln(r.e.stdout)
			return nil
		case err != nil:
			return err
		}
		r.execInput(text)
	}
	return nil
}

// banner is the one line shown at startup.
func (r *repl) banner() {
	where := r.eng.Path()
	if where == ":memory:" {
		where = "an in-memory database"
	}
	fmt.Fprintf(r.e.stdout, "martdb %s on %s; .help for help, \\df for marketing functions\n", engine.Version, where)
}

// execInput runs everything in text: meta-command lines and SQL
// statements, in order. A meta-command is a line of its own that starts
// outside any statement.
func (r *repl) execInput(text string) {
	r.out.printed = 0 // results of one input are separated by blank lines
	for _, chunk := range inputChunks(text) {
		if r.quit {
			return
		}
		if chunk.meta {
			r.execMeta(chunk.text)
			continue
		}
		for _, st := range split.Split(chunk.text) {
			if !r.execSQL(st.Text) || r.quit {
				break
			}
		}
	}
}

// chunk is a run of SQL text or one meta-command line.
type chunk struct {
	text string
	meta bool
}

// inputChunks cuts text into meta-command lines and SQL between them. A
// line is a meta-command only when no statement is open before it.
func inputChunks(text string) []chunk {
	var out []chunk
	var sqlText strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		if meta.IsMeta(line) && statementDone(sqlText.String()) {
			if strings.TrimSpace(sqlText.String()) != "" {
				out = append(out, chunk{text: sqlText.String()})
			}
			sqlText.Reset()
			out = append(out, chunk{text: strings.TrimRight(line, "\r\n"), meta: true})
			continue
		}
		sqlText.WriteString(line)
	}
	if strings.TrimSpace(sqlText.String()) != "" {
		out = append(out, chunk{text: sqlText.String()})
	}
	return out
}

// statementDone reports whether text holds no statement left open: empty,
// or every statement terminated.
func statementDone(text string) bool {
	sts := split.Split(text)
	return len(sts) == 0 || sts[len(sts)-1].Terminated
}

// inputComplete reports whether the editor should hand text over: it ends
// with a meta-command line, or its last statement is terminated, or it is
// blank.
func inputComplete(text string) bool {
	if strings.TrimSpace(text) == "" {
		return true
	}
	chunks := inputChunks(text)
	last := chunks[len(chunks)-1]
	return last.meta || split.Complete(last.text)
}
