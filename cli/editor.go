package cli

import "errors"

// lineEditor is what the REPL needs from a line editor: the next input
// (one or more complete statements or a meta-command line, possibly over
// several lines) and a way to give the terminal back. The REPL's logic
// (statement splitting, completion, highlighting) lives in pure
// functions the editor calls, so that tests need no terminal.
type lineEditor interface {
	// Readline returns the next input. It returns errInterrupt when the
	// user pressed Ctrl-C while editing (the input is dropped) and
	// io.EOF on Ctrl-D at an empty prompt.
	Readline() (string, error)
	// Close restores the terminal and saves the history.
	Close() error
}

// errInterrupt is Ctrl-C while editing.
var errInterrupt = errors.New("interrupted")
